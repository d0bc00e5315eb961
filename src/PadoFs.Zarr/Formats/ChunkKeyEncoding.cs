using System.Globalization;
using System.Runtime.CompilerServices;

namespace PadoFs.Zarr.Formats;

/// <summary>
/// How a chunk's grid indices become its key: joined by '.' into one name (zarr v2's default, tifffile's keys), by
/// '/' into nested folders (what OME-NGFF 0.4 asks for and ome-zarr-py reads), or, in zarr v3's default encoding,
/// nested under a folder <c>c</c>.
/// </summary>
public sealed class ChunkKeyEncoding
{
    private ChunkKeyEncoding(char separator, string? prefix)
    {
        Separator = separator;
        Prefix = prefix;
    }

    /// <summary><c>0.1.2</c>: every chunk a file of the array's folder.</summary>
    public static ChunkKeyEncoding Flat { get; } = new('.', prefix: null);

    /// <summary><c>0/1/2</c>: a folder per index but the last.</summary>
    public static ChunkKeyEncoding Nested { get; } = new('/', prefix: null);

    /// <summary><c>c/0/1/2</c>: zarr v3's <c>default</c> encoding with the '/' separator.</summary>
    public static ChunkKeyEncoding Default { get; } = new('/', "c");

    public char Separator { get; }

    /// <summary>The folder every chunk key starts with, or null when keys start with the first index.</summary>
    public string? Prefix { get; }

    public bool IsNested => Separator == '/';

    public string Key(ReadOnlySpan<int> indices)
    {
        var handler = new DefaultInterpolatedStringHandler(0, indices.Length * 2 + 1, CultureInfo.InvariantCulture);
        if (Prefix is not null)
        {
            handler.AppendLiteral(Prefix);
            handler.AppendFormatted(Separator);
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (i > 0)
            {
                handler.AppendFormatted(Separator);
            }

            handler.AppendFormatted(indices[i]);
        }

        return handler.ToStringAndClear();
    }

    /// <summary>
    /// Reads the indices of <paramref name="key"/> into <paramref name="indices"/>; false unless the key has exactly
    /// that many canonical indices, each below its limit.
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> key, ReadOnlySpan<int> limits, Span<int> indices)
    {
        if (!TryStripPrefix(ref key))
        {
            return false;
        }

        var dimension = 0;
        foreach (var part in key.Split(Separator))
        {
            if (dimension == limits.Length || !TryParseIndex(key[part], limits[dimension], out indices[dimension]))
            {
                return false;
            }

            dimension++;
        }

        return dimension == limits.Length;
    }

    /// <summary>Removes the prefix folder and its separator from <paramref name="path"/>; false when it does not start with them.</summary>
    internal bool TryStripPrefix(ref ReadOnlySpan<char> path)
    {
        if (Prefix is null)
        {
            return true;
        }

        if (path.Length <= Prefix.Length || !path.StartsWith(Prefix, StringComparison.Ordinal) || path[Prefix.Length] != Separator)
        {
            return false;
        }

        path = path[(Prefix.Length + 1)..];
        return true;
    }

    // "01" or "+1" parse as 1 but name no file of the store.
    internal static bool TryParseIndex(ReadOnlySpan<char> text, int limit, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value < limit
        && (text.Length == 1 || text[0] != '0');
}
