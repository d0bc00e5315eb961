namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// The open, unmount and mount-list flags of macOS (XNU's bsd/sys/fcntl.h and bsd/sys/mount.h) that differ from Linux; the mode
/// bits, O_ACCMODE, O_RDONLY and the access masks are the same numbers on both.
/// </summary>
internal static class DarwinFileModes
{
    public const int O_TRUNC = 0x400;

    /// <summary>unmount(2) even while files are open: macOS has no lazy detach.</summary>
    public const int MNT_FORCE = 0x80000;

    /// <summary>getfsstat(2) answers from what the kernel knows, without asking each filesystem (a hung one included).</summary>
    public const int MNT_NOWAIT = 2;
}
