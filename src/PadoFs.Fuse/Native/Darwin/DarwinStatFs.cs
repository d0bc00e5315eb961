using System.Runtime.InteropServices;
using System.Text;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct statfs of macOS with 64-bit inodes (bsd/sys/mount.h): one mounted filesystem as getfsstat(2) lists it,
/// 2168 bytes with the mount point and source as fixed 1024-byte strings.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DarwinStatFs
{
    private const int TypeNameLength = 16;
    private const int PathLength = 1024;

    public uint BlockSize;
    public int IoSize;
    public ulong Blocks;
    public ulong FreeBlocks;
    public ulong AvailableBlocks;
    public ulong Files;
    public ulong FreeFiles;
    public int FileSystemId0;
    public int FileSystemId1;
    public uint Owner;
    public uint Type;
    public uint Flags;
    public uint SubType;
    public fixed byte TypeName[TypeNameLength];
    public fixed byte MountedOn[PathLength];
    public fixed byte MountedFrom[PathLength];
    public uint ExtendedFlags;
    private fixed uint _reserved[7];

    /// <summary>f_fstypename: "macfuse" for a macFUSE mount.</summary>
    public readonly string TypeNameText
    {
        get
        {
            fixed (byte* text = TypeName)
            {
                return Text(text, TypeNameLength);
            }
        }
    }

    /// <summary>f_mntonname: where it is mounted.</summary>
    public readonly string MountedOnText
    {
        get
        {
            fixed (byte* text = MountedOn)
            {
                return Text(text, PathLength);
            }
        }
    }

    private static string Text(byte* text, int capacity)
    {
        var span = new ReadOnlySpan<byte>(text, capacity);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
