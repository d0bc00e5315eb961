using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>
/// FSP_FILE_SYSTEM_INTERFACE: 64 callback slots, of which a read-only volume fills seven; WinFsp answers the empty
/// ones itself (STATUS_INVALID_DEVICE_REQUEST, or a refusal of writes on a read-only volume).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = SlotCount * 8)]
internal unsafe struct FileSystemInterface
{
    public const int SlotCount = 64;

    [FieldOffset(0 * 8)]
    public void* GetVolumeInfo;

    [FieldOffset(2 * 8)]
    public void* GetSecurityByName;

    [FieldOffset(4 * 8)]
    public void* Open;

    [FieldOffset(7 * 8)]
    public void* Close;

    [FieldOffset(8 * 8)]
    public void* Read;

    [FieldOffset(11 * 8)]
    public void* GetFileInfo;

    [FieldOffset(18 * 8)]
    public void* ReadDirectory;
}
