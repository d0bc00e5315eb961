using PadoFs.Mount.Tree;

namespace PadoFs.WinFsp;

/// <summary>
/// Checks the names the config and datasets put in the tree (folders of image ids, slide folders) against what
/// Windows forbids and against clashes that differ only in case. Slide folders are not looked into: what they hold
/// is named by PadoFs (zarr keys) and opening them would open every slide.
/// </summary>
public static class WindowsNames
{
    private const int MaxComponentLength = 255;

    private static readonly string[] s_reserved =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>Throws <see cref="WindowsNameException"/> listing every problem of <paramref name="tree"/>.</summary>
    public static void ThrowIfInvalid(MountTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var problems = Problems(tree);
        if (problems.Count > 0)
        {
            throw new WindowsNameException(problems);
        }
    }

    /// <summary>Every problem, one line each naming the path and the reason, in tree order.</summary>
    public static IReadOnlyList<string> Problems(MountTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var problems = new List<string>();
        Check(tree.Root, string.Empty, problems);
        return problems;
    }

    /// <summary>Why Windows cannot use <paramref name="name"/> as a file or folder name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxComponentLength)
        {
            return $"longer than {MaxComponentLength} characters";
        }

        foreach (var c in name)
        {
            if (c < 0x20)
            {
                return $"holds the control character U+{(int)c:X4}";
            }

            if (c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*')
            {
                return $"holds '{c}'";
            }
        }

        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            return "ends with a dot or a space";
        }

        // Windows reserves the device names with any extension too: "NUL.zarr" is the NUL device.
        var stem = name.AsSpan(0, name.IndexOf('.') is var dot and >= 0 ? dot : name.Length).TrimEnd(' ');
        foreach (var reserved in s_reserved)
        {
            if (stem.Equals(reserved, StringComparison.OrdinalIgnoreCase))
            {
                return $"is the reserved device name {reserved}";
            }
        }

        return null;
    }

    private static void Check(MountDirectory directory, string path, List<string> problems)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in directory.Children)
        {
            var childPath = path + "/" + child.Name;
            if (Problem(child.Name) is { } problem)
            {
                problems.Add($"{childPath}: {problem}");
            }

            if (seen.TryGetValue(child.Name, out var earlier))
            {
                problems.Add($"{childPath}: differs from {path}/{earlier} only in case, and Windows names ignore case");
            }
            else
            {
                seen.Add(child.Name, child.Name);
            }

            if (child is MountDirectory folder and not SlideFolder)
            {
                Check(folder, childPath, problems);
            }
        }
    }
}
