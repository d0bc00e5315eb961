using PadoFs.Fuse.Native;
using PadoFs.Fuse.Native.Darwin;

namespace PadoFs.Fuse;

/// <summary>
/// Unmounts a macFUSE mount: unmount(2), which the user who mounted may call, forced when the mount is busy
/// (macOS has no lazy detach), and /sbin/umount where the call is refused.
/// </summary>
internal static class DarwinUnmounter
{
    private const string UmountTool = "/sbin/umount";

    public static int Unmount(string mountPoint, bool force)
    {
        var errno = LibC.Unmount(mountPoint, force ? DarwinFileModes.MNT_FORCE : 0);
        if (errno == Errno.EBUSY && !force)
        {
            errno = LibC.Unmount(mountPoint, DarwinFileModes.MNT_FORCE);
        }

        return errno == Errno.EPERM ? UnmountCommand.Run(UmountTool, "-f", mountPoint) : errno;
    }
}
