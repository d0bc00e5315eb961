using System.Diagnostics;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>Unmounts FUSE mounts: umount2 when privileged, else the setuid fusermount3.</summary>
internal static class Unmounter
{
    private static readonly TimeSpan FusermountTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Unmounts <paramref name="mountPoint"/>; returns 0 or an errno. A mount still in use is detached (lazy) so
    /// that it disappears from the namespace at once and goes away when its last user closes it.
    /// </summary>
    public static int Unmount(string mountPoint, bool lazy)
    {
        var errno = LibC.Unmount(mountPoint, lazy ? FileModes.MNT_DETACH : 0);
        if (errno == Errno.EBUSY && !lazy)
        {
            errno = LibC.Unmount(mountPoint, FileModes.MNT_DETACH);
        }

        return errno == Errno.EPERM ? Fusermount(mountPoint, lazy) : errno;
    }

    /// <summary>Unmounts the mount of <paramref name="device"/> if it is still what <paramref name="mountPoint"/> shows.</summary>
    public static int UnmountIfShown(string mountPoint, string device)
    {
        var entries = MountTable.At(mountPoint);
        return entries.Count > 0 && entries[^1].Device == device ? Unmount(mountPoint, lazy: false) : 0;
    }

    private static int Fusermount(string mountPoint, bool lazy)
    {
        var errno = RunFusermount(mountPoint, lazy);
        return errno != 0 && !lazy ? RunFusermount(mountPoint, lazy: true) : errno;
    }

    private static int RunFusermount(string mountPoint, bool lazy)
    {
        var start = new ProcessStartInfo("fusermount3") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add(lazy ? "-uzq" : "-uq");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(mountPoint);
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return Errno.EPERM;
            }

            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(FusermountTimeout))
            {
                process.Kill();
                return Errno.EBUSY;
            }

            return process.ExitCode == 0 ? 0 : Errno.EPERM;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Errno.EPERM;
        }
    }
}
