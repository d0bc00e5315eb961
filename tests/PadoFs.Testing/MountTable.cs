namespace PadoFs.Testing;

/// <summary>What the kernel says is mounted, and the last resort for a test's mount that outlived its daemon.</summary>
public static class MountTable
{
    public static bool IsMounted(string mountPoint) =>
        File.ReadAllLines("/proc/self/mounts").Any(line => line.Split(' ') is [_, var point, ..] && point == mountPoint);

    public static void ForceUnmount(string mountPoint)
    {
        if (!IsMounted(mountPoint))
        {
            return;
        }

        using var process = System.Diagnostics.Process.Start("fusermount3", ["-uz", mountPoint]);
        process.WaitForExit(TimeSpan.FromSeconds(10));
        if (IsMounted(mountPoint))
        {
            using var umount = System.Diagnostics.Process.Start("umount", ["-l", mountPoint]);
            umount.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }
}
