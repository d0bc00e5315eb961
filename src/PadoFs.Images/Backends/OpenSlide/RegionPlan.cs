namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Splits one region read into pieces small enough for a bounded buffer, such that the pieces together give
/// exactly the pixels a single <c>openslide_read_region</c> call for the whole region would.
/// </summary>
/// <remarks>
/// OpenSlide places a read at level coordinates <c>x / downsample</c>, so a read that starts between level pixels
/// is resampled. A single call itself works in cells of <see cref="CellSize"/> level pixels whose level-0 origins it
/// computes as <c>(long)(x + offset * downsample)</c>. A piece starting at any other offset along an axis gives the
/// same pixels only when that axis stays on the same sampling phase: the downsample is an integer and the origin is
/// not a negative coordinate off the level grid (OpenSlide truncates the shift it applies to negative origins).
/// Along other axes pieces follow OpenSlide's own cells, so a buffer may then need up to one cell
/// (4096 x 4096 pixels, 64 MiB) whatever the requested bound.
/// </remarks>
internal readonly struct RegionPlan
{
    /// <summary>The side of the square cells OpenSlide 3.4 splits every read into.</summary>
    public const int CellSize = 4096;

    private readonly long _x;
    private readonly long _y;
    private readonly double _downsample;
    private readonly int _columns;

    public RegionPlan(long x, long y, int width, int height, double downsample, int maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        _x = x;
        _y = y;
        _downsample = downsample;
        Width = width;
        Height = height;

        if ((long)width * height <= maxPixels)
        {
            PieceWidth = width;
            PieceHeight = height;
        }
        else
        {
            var splitColumns = KeepsPhase(x, downsample);
            var splitRows = KeepsPhase(y, downsample);
            if (splitRows)
            {
                PieceWidth = splitColumns ? Math.Min(width, maxPixels) : Math.Min(width, CellSize);
                PieceHeight = Math.Clamp(maxPixels / PieceWidth, 1, height);
            }
            else
            {
                PieceHeight = Math.Min(height, CellSize);
                PieceWidth = splitColumns ? Math.Clamp(maxPixels / PieceHeight, 1, width) : Math.Min(width, CellSize);
            }
        }

        _columns = (int)(((long)width + PieceWidth - 1) / PieceWidth);
        var rows = (int)(((long)height + PieceHeight - 1) / PieceHeight);
        PieceCount = _columns * rows;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The width of every piece but the last in a row.</summary>
    public int PieceWidth { get; }

    /// <summary>The height of every piece but those in the last row.</summary>
    public int PieceHeight { get; }

    public int PieceCount { get; }

    /// <summary>The largest number of pixels one piece holds.</summary>
    public int MaxPiecePixels => PieceWidth * PieceHeight;

    /// <summary>Pieces in row-major order.</summary>
    public RegionPiece Piece(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PieceCount);
        var left = (index % _columns) * PieceWidth;
        var top = (index / _columns) * PieceHeight;
        return new RegionPiece(
            left,
            top,
            Math.Min(PieceWidth, Width - left),
            Math.Min(PieceHeight, Height - top),
            LevelZeroOrigin(_x, left),
            LevelZeroOrigin(_y, top));
    }

    private static bool KeepsPhase(long origin, double downsample)
    {
        if (downsample != Math.Floor(downsample) || downsample < 1 || downsample > int.MaxValue)
        {
            return false;
        }

        return origin >= 0 || origin % (long)downsample == 0;
    }

    // The same arithmetic as OpenSlide's own split: an integer offset times a double, added to the origin, truncated.
    private long LevelZeroOrigin(long origin, int offset) => (long)(origin + ((long)offset * _downsample));
}
