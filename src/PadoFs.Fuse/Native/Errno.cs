using PadoFs.Fuse.Native.Darwin;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The error numbers this adapter answers with or looks for. EPERM to EROFS are the same numbers on Linux and macOS;
/// ENOTCONN differs and is chosen once at start-up.
/// </summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EIO = 5;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EROFS = 30;

    /// <summary>107 on Linux, 57 on macOS.</summary>
    public static readonly int ENOTCONN = FusePlatform.IsMacFuse ? DarwinErrno.ENOTCONN : 107;
}
