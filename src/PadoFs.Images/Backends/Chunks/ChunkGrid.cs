using PadoFs.Images.Pixels;

namespace PadoFs.Images.Backends.Chunks;

/// <summary>
/// The shape of an image and how it is cut into chunks, along axes named as tifffile names them (T, C, Z, ... before
/// Y and X, then S for the samples of a pixel). Only Y and X are cut into tiles: every axis before them is cut into
/// single planes, and the samples of a pixel stay in one chunk, interleaved, so a chunk is one tile of one plane,
/// (1, ..., tile height, tile width[, samples]).
/// </summary>
public sealed class ChunkGrid
{
    private readonly long[] _shape;
    private readonly int[] _chunkShape;
    private readonly int[] _chunkCounts;

    public ChunkGrid(string axes, ReadOnlySpan<long> shape, int chunkHeight, int chunkWidth, PixelType sampleType)
    {
        ArgumentNullException.ThrowIfNull(axes);
        RowAxis = axes.IndexOf('Y', StringComparison.Ordinal);
        if (axes.Length != shape.Length || axes.Length > ChunkCoordinates.MaxRank || RowAxis < 0
            || axes.IndexOf('X', StringComparison.Ordinal) != RowAxis + 1 || axes.Length > RowAxis + 3
            || (axes.Length == RowAxis + 3 && axes[^1] != 'S'))
        {
            throw new ArgumentException($"Axes '{axes}' for a shape of {shape.Length} sizes: a grid needs Y then X, at most S after them, at most {ChunkCoordinates.MaxRank} axes.", nameof(axes));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkWidth);
        Axes = axes;
        SampleType = sampleType;
        _shape = shape.ToArray();
        _chunkShape = new int[axes.Length];
        _chunkCounts = new int[axes.Length];
        long planes = 1;
        for (var axis = 0; axis < axes.Length; axis++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_shape[axis]);
            _chunkShape[axis] = axis == RowAxis ? chunkHeight : axis == RowAxis + 1 ? chunkWidth : axis > RowAxis ? checked((int)_shape[axis]) : 1;
            _chunkCounts[axis] = checked((int)((_shape[axis] + _chunkShape[axis] - 1) / _chunkShape[axis]));
            planes *= axis < RowAxis ? _chunkCounts[axis] : 1;
        }

        PlaneCount = checked((int)planes);
        Format = new PixelFormat(HasSamples ? checked((int)_shape[^1]) : 1, sampleType);
        ChunkLength = checked(chunkHeight * chunkWidth * Format.BytesPerPixel);
    }

    /// <summary>Axis codes, e.g. <c>YXS</c>, <c>YX</c>, <c>CYX</c>, <c>TZYX</c>.</summary>
    public string Axes { get; }

    public int Rank => Axes.Length;

    /// <summary>The size of the image along every axis.</summary>
    public ReadOnlySpan<long> Shape => _shape;

    /// <summary>The size of one chunk along every axis; edge chunks are full size too.</summary>
    public ReadOnlySpan<int> ChunkShape => _chunkShape;

    /// <summary>Chunks along every axis.</summary>
    public ReadOnlySpan<int> ChunkCounts => _chunkCounts;

    public PixelType SampleType { get; }

    /// <summary>One pixel of a chunk: the samples along S (1 without an S axis) of <see cref="SampleType"/>.</summary>
    public PixelFormat Format { get; }

    /// <summary>Where Y is among the axes; X follows it.</summary>
    public int RowAxis { get; }

    public bool HasSamples => Axes[^1] == 'S';

    public long Height => _shape[RowAxis];

    public long Width => _shape[RowAxis + 1];

    public int ChunkHeight => _chunkShape[RowAxis];

    public int ChunkWidth => _chunkShape[RowAxis + 1];

    public int ChunkRows => _chunkCounts[RowAxis];

    public int ChunkColumns => _chunkCounts[RowAxis + 1];

    /// <summary>How many Y/X planes the axes before Y hold (1 for a plain 2D image).</summary>
    public int PlaneCount { get; }

    /// <summary>Decoded bytes of one chunk.</summary>
    public int ChunkLength { get; }

    public long ChunkCount => (long)PlaneCount * ChunkRows * ChunkColumns;

    /// <summary>A 2D image as tifffile shapes it: (Y, X) for one sample per pixel, (Y, X, S) for more.</summary>
    public static ChunkGrid Planar(long height, long width, int chunkHeight, int chunkWidth, PixelFormat format) =>
        format.Samples == 1
            ? new ChunkGrid("YX", [height, width], chunkHeight, chunkWidth, format.Type)
            : new ChunkGrid("YXS", [height, width, format.Samples], chunkHeight, chunkWidth, format.Type);

    public bool Contains(in ChunkCoordinates chunk)
    {
        if (chunk.Rank != Rank)
        {
            return false;
        }

        for (var axis = 0; axis < Rank; axis++)
        {
            if ((uint)chunk[axis] >= (uint)_chunkCounts[axis])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The plane a chunk lies in: its indices before Y, in C order.</summary>
    public int PlaneOf(in ChunkCoordinates chunk)
    {
        var plane = 0;
        for (var axis = 0; axis < RowAxis; axis++)
        {
            plane = (plane * _chunkCounts[axis]) + chunk[axis];
        }

        return plane;
    }

    /// <summary>The chunk at (<paramref name="row"/>, <paramref name="column"/>) of <paramref name="plane"/>.</summary>
    public ChunkCoordinates Chunk(int plane, int row, int column)
    {
        Span<int> indices = stackalloc int[Rank];
        indices.Clear();
        for (var axis = RowAxis - 1; axis >= 0; axis--)
        {
            indices[axis] = plane % _chunkCounts[axis];
            plane /= _chunkCounts[axis];
        }

        indices[RowAxis] = row;
        indices[RowAxis + 1] = column;
        return new ChunkCoordinates(indices);
    }

    /// <summary>This grid with Y and X cut into <paramref name="chunkHeight"/> x <paramref name="chunkWidth"/> tiles instead.</summary>
    public ChunkGrid WithTiles(int chunkHeight, int chunkWidth) => new(Axes, _shape, chunkHeight, chunkWidth, SampleType);
}
