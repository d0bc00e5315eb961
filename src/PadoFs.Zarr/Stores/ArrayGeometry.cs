using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Pixels;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The shape, chunking and chunk keys of one image (a chunk source's grid) as a zarr array in a layout. In tifffile's
/// axis order the array is the source's grid itself, with tifffile's axis names: (Y, X[, S]) for a 2D image. In
/// OME-NGFF's the axes are (t, c, z, y, x), the samples of a pixel as c where the image has no C axis and a c of 1
/// where it has neither. Every array chunk is one source chunk; the sample axis is never cut, so its index is always
/// 0. tifffile's convention has fill value 0; OME-NGFF's has none (null in zarr v2, so that xarray keeps the pixels'
/// type; zarr v3 requires one and writes 0).
/// </summary>
public sealed class ArrayGeometry
{
    private const string NgffOrder = "TCZYX";

    // Per array axis, the grid axis it is (-1 for an axis the grid does not have, always of size 1).
    private readonly int[] _gridAxes;
    private readonly int[] _chunkGrid;

    public ArrayGeometry(ChunkGrid grid, ZarrLayout layout, ChunkKeyEncoding keys)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(keys);
        Grid = grid;
        Layout = layout;
        Keys = keys;
        var ngffAxes = layout.Axes == AxisOrder.ChannelsFirst;
        _gridAxes = ngffAxes ? NgffAxes(grid) : Identity(grid.Rank);
        _chunkGrid = new int[_gridAxes.Length];
        var shape = new long[_gridAxes.Length];
        var chunks = new int[_gridAxes.Length];
        var names = new string[_gridAxes.Length];
        for (var axis = 0; axis < _gridAxes.Length; axis++)
        {
            var gridAxis = _gridAxes[axis];
            shape[axis] = gridAxis < 0 ? 1 : grid.Shape[gridAxis];
            chunks[axis] = gridAxis < 0 ? 1 : grid.ChunkShape[gridAxis];
            _chunkGrid[axis] = gridAxis < 0 ? 1 : grid.ChunkCounts[gridAxis];
            var code = gridAxis < 0 ? 'C' : grid.Axes[gridAxis];
            names[axis] = ngffAxes ? NgffName(code) : code.ToString();
        }

        Metadata = new ZarrArrayMetadata(shape, chunks, grid.Format.Type, keys, names, FillValue: layout.Metadata == MetadataConvention.OmeNgff ? null : 0);
        SamplesToPlanes = ngffAxes && grid.HasSamples && grid.Format.Samples > 1;
    }

    /// <summary>The grid of the chunk source behind the array.</summary>
    public ChunkGrid Grid { get; }

    public long Height => Grid.Height;

    public long Width => Grid.Width;

    public int ChunkHeight => Grid.ChunkHeight;

    public int ChunkWidth => Grid.ChunkWidth;

    public PixelFormat Format => Grid.Format;

    public ZarrLayout Layout { get; }

    public int ChunkRows => Grid.ChunkRows;

    public int ChunkColumns => Grid.ChunkColumns;

    /// <summary>Bytes in every chunk, edge chunks included.</summary>
    public int ChunkLength => Grid.ChunkLength;

    /// <summary>True when a chunk's interleaved samples are handed out as planes, one per channel (the OME-NGFF c axis).</summary>
    public bool SamplesToPlanes { get; }

    public ChunkKeyEncoding Keys { get; }

    /// <summary>Chunks along each axis of the array.</summary>
    public ReadOnlySpan<int> ChunkGrid => _chunkGrid;

    public ZarrArrayMetadata Metadata { get; }

    /// <summary>The array's axis names.</summary>
    public IReadOnlyList<string> DimensionNames => Metadata.DimensionNames;

    public long ChunkCount => Grid.ChunkCount;

    /// <summary>The key of the source chunk at <paramref name="chunk"/>.</summary>
    public string ChunkKey(in ChunkCoordinates chunk)
    {
        Span<int> indices = stackalloc int[_gridAxes.Length];
        for (var axis = 0; axis < indices.Length; axis++)
        {
            indices[axis] = _gridAxes[axis] < 0 ? 0 : chunk[_gridAxes[axis]];
        }

        return Keys.Key(indices);
    }

    /// <summary>The key of chunk (<paramref name="row"/>, <paramref name="column"/>) of the first Y/X plane.</summary>
    public string ChunkKey(int row, int column) => ChunkKey(Grid.Chunk(0, row, column));

    /// <summary>Parses a chunk key of this array into source coordinates; false for anything else, including chunks outside the grid.</summary>
    public bool TryParseChunkKey(ReadOnlySpan<char> key, out ChunkCoordinates chunk)
    {
        Span<int> indices = stackalloc int[_gridAxes.Length];
        if (!Keys.TryParse(key, _chunkGrid, indices))
        {
            chunk = default;
            return false;
        }

        Span<int> coordinates = stackalloc int[Grid.Rank];
        for (var axis = 0; axis < indices.Length; axis++)
        {
            if (_gridAxes[axis] >= 0)
            {
                coordinates[_gridAxes[axis]] = indices[axis];
            }
        }

        chunk = new ChunkCoordinates(coordinates);
        return true;
    }

    private static int[] Identity(int rank)
    {
        var axes = new int[rank];
        for (var axis = 0; axis < rank; axis++)
        {
            axes[axis] = axis;
        }

        return axes;
    }

    private static int[] NgffAxes(ChunkGrid grid)
    {
        var channel = grid.Axes.IndexOf('C', StringComparison.Ordinal);
        var samples = grid.Axes.IndexOf('S', StringComparison.Ordinal);
        if (channel >= 0 && samples >= 0)
        {
            throw new NotSupportedException($"An image over {grid.Axes} has channels and samples, and OME-NGFF has one c axis: the pado layout serves it.");
        }

        var axes = new List<int>(NgffOrder.Length);
        foreach (var code in NgffOrder)
        {
            var axis = code == 'C' ? Math.Max(channel, samples) : grid.Axes.IndexOf(code, StringComparison.Ordinal);
            if (axis >= 0 || code == 'C')
            {
                axes.Add(axis);
            }
        }

        foreach (var code in grid.Axes)
        {
            if (NgffOrder.IndexOf(code, StringComparison.Ordinal) < 0 && code != 'S')
            {
                throw new NotSupportedException($"An image over {grid.Axes} has an axis {code} that OME-NGFF does not name: the pado layout serves it.");
            }
        }

        return [.. axes];
    }

    private static string NgffName(char code) => code switch
    {
        'T' => "t",
        'Z' => "z",
        'Y' => "y",
        'X' => "x",
        _ => "c",
    };
}
