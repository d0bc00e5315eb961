using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct stat of macOS as its SDK declares it with 64-bit inodes (the only layout on arm64, and the one macFUSE's
/// libfuse3 is built with on x86_64): 144 bytes, a 32-bit device, a 16-bit mode and link count, and a birth time.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DarwinStat
{
    public int Device;
    public ushort Mode;
    public ushort LinkCount;
    public ulong Inode;
    public uint UserId;
    public uint GroupId;
    public int SpecialDevice;
    public Timespec AccessTime;
    public Timespec ModificationTime;
    public Timespec ChangeTime;
    public Timespec BirthTime;
    public long Size;
    public long Blocks;
    public int BlockSize;
    public uint Flags;
    public uint Generation;
    private int _spare;
    private fixed long _reserved[2];

    public static DarwinStat From(in NodeAttributes attributes) => new()
    {
        Mode = (ushort)attributes.Mode,
        LinkCount = (ushort)attributes.LinkCount,
        UserId = attributes.UserId,
        GroupId = attributes.GroupId,
        Size = attributes.Size,
        Blocks = attributes.Blocks,
        BlockSize = attributes.BlockSize,
        AccessTime = attributes.Time,
        ModificationTime = attributes.Time,
        ChangeTime = attributes.Time,
        BirthTime = attributes.Time,
    };
}
