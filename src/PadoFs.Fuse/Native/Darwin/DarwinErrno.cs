namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// The error numbers of macOS (XNU's bsd/sys/errno.h) that differ from Linux among those the adapter uses; EPERM to
/// EROFS are the same numbers on both.
/// </summary>
internal static class DarwinErrno
{
    public const int ENOTCONN = 57;
}
