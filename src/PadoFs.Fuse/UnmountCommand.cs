using System.Diagnostics;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>Runs the platform's unmount tool for a mount the daemon may not unmount itself: fusermount3, umount.</summary>
internal static class UnmountCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Returns 0 when the tool succeeded, EBUSY when it hung, EPERM otherwise (also when it is missing).</summary>
    public static int Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return Errno.EPERM;
            }

            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(Timeout))
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
