using Microsoft.Extensions.Logging;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>Checks a folder before it takes a mount, and clears a stale mount a killed daemon left on it.</summary>
internal static class MountPointGuard
{
    private const int MaxStaleMounts = 16;

    /// <summary>The canonical path of <paramref name="path"/>, ready to mount on; throws <see cref="MountPointException"/> otherwise.</summary>
    public static string Prepare(string path, ILogger logger)
    {
        var mountPoint = Canonicalize(path);
        RecoverStaleMounts(mountPoint, logger);

        if (!Directory.Exists(mountPoint))
        {
            var problem = File.Exists(mountPoint) ? MountPointProblem.NotADirectory : MountPointProblem.Missing;
            throw new MountPointException(mountPoint, problem);
        }

        using (var entries = Directory.EnumerateFileSystemEntries(mountPoint).GetEnumerator())
        {
            if (entries.MoveNext())
            {
                throw new MountPointException(mountPoint, MountPointProblem.NotEmpty);
            }
        }

        return mountPoint;
    }

    /// <summary>
    /// The path as the mount table spells it: symbolic links resolved. A stale mount point cannot be resolved
    /// itself (every lookup on it fails), so then only its parent is.
    /// </summary>
    public static string Canonicalize(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var resolved = LibC.RealPath(full);
        if (resolved is not null)
        {
            return resolved;
        }

        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : LibC.RealPath(parent);
        return resolvedParent is null ? full : Path.Join(resolvedParent, Path.GetFileName(full));
    }

    // A mount whose daemon died answers every call with ENOTCONN ("Transport endpoint is not connected"); it can
    // only be detached. A live mount is someone else's and is refused.
    private static void RecoverStaleMounts(string mountPoint, ILogger logger)
    {
        for (var attempt = 0; MountTable.At(mountPoint).Count > 0; attempt++)
        {
            if (LibC.StatFileSystem(mountPoint) != Errno.ENOTCONN || attempt == MaxStaleMounts)
            {
                throw new MountPointException(mountPoint, MountPointProblem.AlreadyMounted);
            }

            FuseLog.RecoveringStaleMount(logger, mountPoint);
            var errno = Unmounter.Unmount(mountPoint, lazy: true);
            if (errno != 0)
            {
                FuseLog.UnmountFailed(logger, mountPoint, errno);
                throw new MountPointException(mountPoint, MountPointProblem.AlreadyMounted);
            }
        }
    }
}
