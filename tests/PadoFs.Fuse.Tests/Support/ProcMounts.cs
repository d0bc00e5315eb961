namespace PadoFs.Fuse.Tests.Support;

/// <summary>Reads /proc/self/mounts directly, independently of the adapter's own mount table reader.</summary>
internal static class ProcMounts
{
    public static bool IsMounted(string mountPoint) => Lines(mountPoint).Any();

    public static string? TypeAt(string mountPoint) => Lines(mountPoint).Select(fields => fields[2]).LastOrDefault();

    /// <summary>Removes whatever is still mounted at <paramref name="mountPoint"/>, as a test's last resort.</summary>
    public static void ForceUnmount(string mountPoint)
    {
        for (var attempt = 0; attempt < 8 && IsMounted(mountPoint); attempt++)
        {
            if (Commands.Run("fusermount3", "-uzq", "--", mountPoint).ExitCode != 0)
            {
                Commands.Run("umount", "-l", mountPoint);
            }
        }
    }

    private static IEnumerable<string[]> Lines(string mountPoint) =>
        File.ReadLines("/proc/self/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 2 && fields[1].Replace("\\040", " ", StringComparison.Ordinal) == mountPoint);
}
