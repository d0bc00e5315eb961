using System.Globalization;
using PadoFs.Images.Pixels;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The shape, chunking and chunk keys of one 2D image as a zarr array in a layout: (y, x[, s]) for pado,
/// where single-sample images are 2D as in tifffile, and (c, y, x) for OME-NGFF.
/// </summary>
public sealed class ArrayGeometry
{
    public ArrayGeometry(long height, long width, int chunkHeight, int chunkWidth, PixelFormat format, ZarrLayout layout)
    {
        Height = height;
        Width = width;
        ChunkHeight = chunkHeight;
        ChunkWidth = chunkWidth;
        Format = format;
        Layout = layout;
        ChunkRows = (int)((height + chunkHeight - 1) / chunkHeight);
        ChunkColumns = (int)((width + chunkWidth - 1) / chunkWidth);
        ChunkLength = checked(chunkHeight * chunkWidth * format.BytesPerPixel);
        Metadata = layout switch
        {
            ZarrLayout.OmeNgff => new ZarrArrayMetadata([format.Samples, height, width], [format.Samples, chunkHeight, chunkWidth], format.NumpyDType),
            _ when format.Samples == 1 => new ZarrArrayMetadata([height, width], [chunkHeight, chunkWidth], format.NumpyDType),
            _ => new ZarrArrayMetadata([height, width, format.Samples], [chunkHeight, chunkWidth, format.Samples], format.NumpyDType),
        };
        DimensionNames = layout switch
        {
            ZarrLayout.OmeNgff => ["c", "y", "x"],
            _ when format.Samples == 1 => ["Y", "X"],
            _ => ["Y", "X", "S"],
        };
    }

    public long Height { get; }

    public long Width { get; }

    public int ChunkHeight { get; }

    public int ChunkWidth { get; }

    public PixelFormat Format { get; }

    public ZarrLayout Layout { get; }

    public int ChunkRows { get; }

    public int ChunkColumns { get; }

    /// <summary>Bytes in every chunk, edge chunks included.</summary>
    public int ChunkLength { get; }

    public ZarrArrayMetadata Metadata { get; }

    /// <summary>Axis names as xarray reads them from <c>_ARRAY_DIMENSIONS</c>.</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    public long ChunkCount => (long)ChunkRows * ChunkColumns;

    public string ChunkKey(int row, int column) => Layout switch
    {
        ZarrLayout.OmeNgff => string.Create(CultureInfo.InvariantCulture, $"0.{row}.{column}"),
        _ when Format.Samples == 1 => string.Create(CultureInfo.InvariantCulture, $"{row}.{column}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{row}.{column}.0"),
    };

    /// <summary>Parses a chunk key of this array; false for anything else, including chunks outside the grid.</summary>
    public bool TryParseChunkKey(ReadOnlySpan<char> key, out int row, out int column)
    {
        row = column = -1;
        Span<Range> parts = stackalloc Range[4];
        var count = key.Split(parts, '.');
        var (rowPart, columnPart, expected) = Layout switch
        {
            ZarrLayout.OmeNgff => (1, 2, 3),
            _ when Format.Samples == 1 => (0, 1, 2),
            _ => (0, 1, 3),
        };
        if (count != expected)
        {
            return false;
        }

        var zeroPart = Layout == ZarrLayout.OmeNgff ? 0 : 2;
        if (count == 3 && !key[parts[zeroPart]].SequenceEqual("0"))
        {
            return false;
        }

        return IsCanonicalIndex(key[parts[rowPart]], ChunkRows, out row)
            && IsCanonicalIndex(key[parts[columnPart]], ChunkColumns, out column);
    }

    // "01" or "+1" parse as 1 but name no file of the store.
    private static bool IsCanonicalIndex(ReadOnlySpan<char> text, int limit, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value < limit
        && (text.Length == 1 || text[0] != '0');
}
