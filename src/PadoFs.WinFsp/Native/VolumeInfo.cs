using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>FSP_FSCTL_VOLUME_INFO: the volume's size and label (UTF-16, its length in bytes, not terminated).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VolumeInfo
{
    public const int LabelCapacity = 32;

    public ulong TotalSize;
    public ulong FreeSize;
    public ushort VolumeLabelLength;
    public LabelBuffer VolumeLabel;

    [InlineArray(LabelCapacity)]
    public struct LabelBuffer
    {
        private char _element;
    }
}
