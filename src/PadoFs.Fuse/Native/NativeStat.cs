using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct stat of glibc on x86_64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeStat
{
    public ulong Device;
    public ulong Inode;
    public ulong LinkCount;
    public uint Mode;
    public uint UserId;
    public uint GroupId;
    private int _padding;
    public ulong SpecialDevice;
    public long Size;
    public long BlockSize;
    public long Blocks;
    public Timespec AccessTime;
    public Timespec ModificationTime;
    public Timespec ChangeTime;
    private fixed long _reserved[3];

    public static NativeStat From(in NodeAttributes attributes) => new()
    {
        Mode = attributes.Mode,
        LinkCount = attributes.LinkCount,
        UserId = attributes.UserId,
        GroupId = attributes.GroupId,
        Size = attributes.Size,
        Blocks = attributes.Blocks,
        BlockSize = attributes.BlockSize,
        AccessTime = attributes.Time,
        ModificationTime = attributes.Time,
        ChangeTime = attributes.Time,
    };
}
