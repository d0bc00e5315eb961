using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>FSP_FSCTL_FILE_INFO: what Windows is told about a file or folder (times are FILETIMEs).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FspFileInfo
{
    public uint FileAttributes;
    public uint ReparseTag;
    public ulong AllocationSize;
    public ulong FileSize;
    public ulong CreationTime;
    public ulong LastAccessTime;
    public ulong LastWriteTime;
    public ulong ChangeTime;
    public ulong IndexNumber;
    public uint HardLinks;
    public uint EaSize;
}
