using System.Text;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>
/// Reads the mounts this process sees, without touching the mounted filesystems: from /proc/self/mountinfo on Linux,
/// from getfsstat(2) on macOS (<see cref="DarwinMountTable"/>).
/// </summary>
internal static class MountTable
{
    private const string MountInfo = "/proc/self/mountinfo";

    /// <summary>The type a libfuse mount of <paramref name="name"/> shows: fuse.NAME on Linux, macfuse on macOS.</summary>
    public static string FuseTypeOf(string name) => FusePlatform.IsMacFuse ? "macfuse" : "fuse." + name;

    /// <summary>The mounts at <paramref name="mountPoint"/>, lowest first: the last one is what the path shows.</summary>
    public static IReadOnlyList<MountTableEntry> At(string mountPoint)
    {
        var entries = new List<MountTableEntry>();
        foreach (var entry in Entries())
        {
            if (entry.MountPoint == mountPoint)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The mount whose id is <paramref name="id"/>, wherever it is now, or null once it is gone.</summary>
    public static MountTableEntry? WithId(string id)
    {
        foreach (var entry in Entries())
        {
            if (entry.Id == id)
            {
                return entry;
            }
        }

        return null;
    }

    private static IEnumerable<MountTableEntry> Entries() => FusePlatform.IsMacFuse ? DarwinMountTable.All() : MountInfoEntries();

    private static IEnumerable<MountTableEntry> MountInfoEntries()
    {
        foreach (var line in File.ReadLines(MountInfo))
        {
            if (Parse(line) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// Parses "id parent major:minor root mountpoint options [optional...] - fstype source superoptions".
    /// </summary>
    public static MountTableEntry? Parse(string line)
    {
        var fields = line.Split(' ');
        var separator = Array.IndexOf(fields, "-", 6);
        if (fields.Length < 7 || separator < 0 || separator + 1 >= fields.Length)
        {
            return null;
        }

        return new MountTableEntry(fields[0], Unescape(fields[4]), fields[2], fields[separator + 1]);
    }

    // The kernel writes space, tab, newline and backslash in paths as a backslash and three octal digits.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var source = Encoding.UTF8.GetBytes(field);
        var result = new byte[source.Length];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\' && i + 3 < source.Length && IsOctal(source[i + 1]) && IsOctal(source[i + 2]) && IsOctal(source[i + 3]))
            {
                result[length++] = (byte)(((source[i + 1] - '0') << 6) | ((source[i + 2] - '0') << 3) | (source[i + 3] - '0'));
                i += 3;
            }
            else
            {
                result[length++] = source[i];
            }
        }

        return Encoding.UTF8.GetString(result, 0, length);
    }

    private static bool IsOctal(byte value) => value is >= (byte)'0' and <= (byte)'7';
}
