namespace PadoFs.Mount.Configuration;

/// <summary>
/// A Windows mount point that is a drive letter ("Z:") or "*" for the first free one: kept as written, since it names
/// no folder to resolve against the current one.
/// </summary>
public static class DriveLetter
{
    /// <summary>The mount point that asks for the first free letter.</summary>
    public const string AnyFree = "*";

    public static bool Is(string mountPoint)
    {
        ArgumentNullException.ThrowIfNull(mountPoint);
        return mountPoint == AnyFree || (mountPoint.Length == 2 && char.IsAsciiLetter(mountPoint[0]) && mountPoint[1] == ':');
    }

    /// <summary><paramref name="mountPoint"/> as the adapter gets it: a drive letter as it is, a folder as a full path under <paramref name="folder"/>.</summary>
    public static string Resolve(string mountPoint, string? folder = null) =>
        OperatingSystem.IsWindows() && Is(mountPoint) ? mountPoint
        : folder is null ? Path.GetFullPath(mountPoint) : Path.GetFullPath(mountPoint, folder);
}
