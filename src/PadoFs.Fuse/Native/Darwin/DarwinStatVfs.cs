using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct statvfs of macOS: the block and file counts are 32-bit (fsblkcnt_t and fsfilcnt_t are unsigned int), so
/// the struct is 64 bytes where glibc's is 112. macFUSE's libfuse3 hands the filesystem this one while its Darwin
/// extensions are off (with them on, it would be a struct statfs).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DarwinStatVfs
{
    public ulong BlockSize;
    public ulong FragmentSize;
    public uint Blocks;
    public uint FreeBlocks;
    public uint AvailableBlocks;
    public uint Files;
    public uint FreeFiles;
    public uint AvailableFiles;
    public ulong FileSystemId;
    public ulong Flags;
    public ulong MaximumNameLength;
}
