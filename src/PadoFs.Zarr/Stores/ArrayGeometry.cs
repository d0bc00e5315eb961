using PadoFs.Images.Pixels;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The shape, chunking and chunk keys of one 2D image as a zarr array in a layout: (y, x[, s]) with tifffile's axis
/// names, where single-sample images are 2D as in tifffile, or (c, y, x). Chunk keys name one index per axis; the
/// sample axis is never cut, so its index is always 0. tifffile's convention has fill value 0; OME-NGFF's has none
/// (null in zarr v2, so that xarray keeps the pixels' type; zarr v3 requires one and writes 0).
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
        int? fillValue = layout.Metadata == MetadataConvention.OmeNgff ? null : 0;
        (long[] shape, int[] chunks, _chunkGrid, _rowAxis, string[] names) = layout.Axes switch
        {
            AxisOrder.ChannelsFirst => ([format.Samples, height, width], [format.Samples, chunkHeight, chunkWidth], [1, ChunkRows, ChunkColumns], 1, ["c", "y", "x"]),
            _ when format.Samples == 1 => ([height, width], [chunkHeight, chunkWidth], [ChunkRows, ChunkColumns], 0, ["Y", "X"]),
            _ => (new long[] { height, width, format.Samples }, new[] { chunkHeight, chunkWidth, format.Samples }, new[] { ChunkRows, ChunkColumns, 1 }, 0, new[] { "Y", "X", "S" }),
        };
        Metadata = new ZarrArrayMetadata(shape, chunks, format.Type, keys, names, fillValue);
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
