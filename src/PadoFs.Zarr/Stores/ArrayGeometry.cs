using PadoFs.Images.Pixels;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The shape, chunking and chunk keys of one 2D image as a zarr array in a layout: (y, x[, s]) for pado,
/// where single-sample images are 2D as in tifffile, and (c, y, x) for OME-NGFF. Chunk keys name one index per
/// axis; the sample axis is never cut, so its index is always 0. The pado layout's <c>.zarray</c> is tifffile's
/// (fill value 0); the OME-NGFF layout writes no fill value, so that xarray keeps the pixels' type.
/// </summary>
public sealed class ArrayGeometry
{
    private readonly int[] _chunkGrid;
    private readonly int _rowAxis;

    public ArrayGeometry(long height, long width, int chunkHeight, int chunkWidth, PixelFormat format, ZarrLayout layout, ChunkKeyEncoding keys)
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
        Keys = keys;
        char? separator = keys.IsNested ? keys.Separator : null;
        (Metadata, _chunkGrid, _rowAxis) = layout switch
        {
            ZarrLayout.OmeNgff => (new ZarrArrayMetadata([format.Samples, height, width], [format.Samples, chunkHeight, chunkWidth], format.NumpyDType, separator, FillValue: null), new[] { 1, ChunkRows, ChunkColumns }, 1),
            _ when format.Samples == 1 => (new ZarrArrayMetadata([height, width], [chunkHeight, chunkWidth], format.NumpyDType, separator), new[] { ChunkRows, ChunkColumns }, 0),
            _ => (new ZarrArrayMetadata([height, width, format.Samples], [chunkHeight, chunkWidth, format.Samples], format.NumpyDType, separator), new[] { ChunkRows, ChunkColumns, 1 }, 0),
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

    public ChunkKeyEncoding Keys { get; }

    /// <summary>Chunks along each axis of the array.</summary>
    public ReadOnlySpan<int> ChunkGrid => _chunkGrid;

    public ZarrArrayMetadata Metadata { get; }

    /// <summary>Axis names as xarray reads them from <c>_ARRAY_DIMENSIONS</c>.</summary>
    public IReadOnlyList<string> DimensionNames { get; }

    public long ChunkCount => (long)ChunkRows * ChunkColumns;

    public string ChunkKey(int row, int column)
    {
        Span<int> indices = stackalloc int[_chunkGrid.Length];
        indices.Clear();
        indices[_rowAxis] = row;
        indices[_rowAxis + 1] = column;
        return Keys.Key(indices);
    }

    /// <summary>Parses a chunk key of this array; false for anything else, including chunks outside the grid.</summary>
    public bool TryParseChunkKey(ReadOnlySpan<char> key, out int row, out int column)
    {
        Span<int> indices = stackalloc int[_chunkGrid.Length];
        if (!Keys.TryParse(key, _chunkGrid, indices))
        {
            row = column = -1;
            return false;
        }

        row = indices[_rowAxis];
        column = indices[_rowAxis + 1];
        return true;
    }
}
