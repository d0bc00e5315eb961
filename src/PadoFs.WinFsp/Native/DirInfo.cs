using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>
/// FSP_FSCTL_DIR_INFO without its name: one listing entry is this header followed by the UTF-16 name, its
/// <see cref="Size"/> counting both; entries sit in the listing buffer at 8-byte boundaries.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 104)]
internal struct DirInfo
{
    /// <summary>Where each entry starts, as FSP_FSCTL_DEFAULT_ALIGNMENT.</summary>
    public const int Alignment = 8;

    [FieldOffset(0)]
    public ushort Size;

    [FieldOffset(8)]
    public FspFileInfo FileInfo;

    [FieldOffset(80)]
    public ulong NextOffset;
}
