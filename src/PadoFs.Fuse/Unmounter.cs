using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>Unmounts FUSE mounts: umount2 when privileged, else the setuid fusermount3; on macOS <see cref="DarwinUnmounter"/>.</summary>
internal static class Unmounter
{
    /// <summary>
    /// Unmounts <paramref name="mountPoint"/>; returns 0 or an errno. A mount still in use is detached (lazy) so
    /// that it disappears from the namespace at once and goes away when its last user closes it; macOS, which
    /// cannot detach, unmounts it by force.
    /// </summary>
    public static int Unmount(string mountPoint, bool lazy)
    {
        if (FusePlatform.IsMacFuse)
        {
            return DarwinUnmounter.Unmount(mountPoint, force: lazy);
        }

        var errno = LibC.Unmount(mountPoint, lazy ? FileModes.MNT_DETACH : 0);
        if (errno == Errno.EBUSY && !lazy)
        {
            errno = LibC.Unmount(mountPoint, FileModes.MNT_DETACH);
        }

        return errno == Errno.EPERM ? Fusermount(mountPoint, lazy) : errno;
    }

    /// <summary>
    /// Unmounts <paramref name="mounted"/> where it is now: a folder above it may have been renamed since it was
    /// mounted, which moves the mount with it. Returns 0 (also when it is gone already) or an errno.
    /// </summary>
    public static int UnmountWherever(MountTableEntry mounted, out string unmountedAt)
    {
        unmountedAt = mounted.MountPoint;
        if (MountTable.WithId(mounted.Id) is not { } current || current.Device != mounted.Device)
        {
            return 0;
        }

        unmountedAt = current.MountPoint;
        return Unmount(current.MountPoint, lazy: false);
    }

    /// <summary>Where <paramref name="mounted"/> is now, or where it was mounted once it is gone.</summary>
    public static string CurrentPath(MountTableEntry mounted) =>
        MountTable.WithId(mounted.Id) is { } current && current.Device == mounted.Device ? current.MountPoint : mounted.MountPoint;

    private static int Fusermount(string mountPoint, bool lazy)
    {
        var errno = RunFusermount(mountPoint, lazy);
        return errno != 0 && !lazy ? RunFusermount(mountPoint, lazy: true) : errno;
    }

    private static int RunFusermount(string mountPoint, bool lazy) =>
        UnmountCommand.Run("fusermount3", lazy ? "-uzq" : "-uq", "--", mountPoint);
}
