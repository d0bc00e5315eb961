using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct statvfs of glibc on x86_64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeStatVfs
{
    public ulong BlockSize;
    public ulong FragmentSize;
    public ulong Blocks;
    public ulong FreeBlocks;
    public ulong AvailableBlocks;
    public ulong Files;
    public ulong FreeFiles;
    public ulong AvailableFiles;
    public ulong FileSystemId;
    public ulong Flags;
    public ulong MaximumNameLength;
    private fixed int _spare[6];
}
