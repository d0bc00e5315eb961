using PadoFs.Fuse.Native.Darwin;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The constants of modes, open flags and access masks this adapter reads or writes. All but O_TRUNC are the same
/// numbers on Linux and macOS; O_TRUNC is chosen once at start-up, and MNT_DETACH exists on Linux only.
/// </summary>
internal static class FileModes
{
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFREG = 0x8000;

    public const int O_ACCMODE = 3;
    public const int O_RDONLY = 0;

    /// <summary>0x200 on Linux, 0x400 on macOS.</summary>
    public static readonly int O_TRUNC = FusePlatform.IsMacFuse ? DarwinFileModes.O_TRUNC : 0x200;

    public const int X_OK = 1;
    public const int W_OK = 2;

    public const int MNT_DETACH = 2;
}
