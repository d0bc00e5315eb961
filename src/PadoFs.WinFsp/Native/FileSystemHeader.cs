using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>The start of FSP_FILE_SYSTEM: only <see cref="UserContext"/> is used, to find the managed volume from a callback.</summary>
[StructLayout(LayoutKind.Explicit)]
internal unsafe struct FileSystemHeader
{
    [FieldOffset(0)]
    public ushort Version;

    [FieldOffset(8)]
    public void* UserContext;
}
