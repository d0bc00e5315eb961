namespace PadoFs.Zarr.Stores;

/// <summary>
/// Follows how an array's chunks are being read and names the chunks worth decoding before they are asked for.
/// zarr readers go through a region row by row: along a row, then back to the region's first column one row
/// down. The first such return gives the region's width, so the rest of every later row is certain to be read;
/// chunks past the current row are only guessed at, at most one for every <see cref="ChunksReadPerGuess"/> chunks
/// the run has read, so a region that ends wastes few decodes. A read elsewhere is a seek: it ends the run and
/// cancels what the run asked for and nobody has started yet. When the last two runs were regions of one width
/// (a viewer's windows), a new run's first row is taken to be that wide too, and asked for from its first chunk.
/// </summary>
/// <remarks>
/// One tracker per array, not per open file: every chunk is a file of its own, so the pattern only shows across
/// files. Reads up to <c>depth</c> chunks behind or ahead of the furthest one count as the same run, so several
/// threads sharing out one region (dask) look like one reader.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "A token source without timers or wait handles holds nothing to free; queued requests still read its token.")]
public sealed class ChunkReadAhead
{
    /// <summary>How many chunks a run must have read for each chunk past the current row it guesses at.</summary>
    public const int ChunksReadPerGuess = 16;

    private readonly int _rows;
    private readonly int _columns;
    private readonly int _depth;
    private readonly Lock _gate = new();
    private CancellationTokenSource _run = new();
    private int _startRow;
    private int _startColumn;
    private int _width;
    private bool _widthKnown;
    private int _row = -1;
    private int _column = -1;
    private long _readInRun;
    private long _requestedUpTo;
    private int _previousWidth;
    private int _expectedWidth;

    /// <param name="rows">chunk rows of the array.</param>
    /// <param name="columns">chunk columns of the array.</param>
    /// <param name="depth">the most chunks asked for ahead of the furthest one read.</param>
    public ChunkReadAhead(int rows, int columns, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        _rows = rows;
        _columns = columns;
        _depth = depth;
    }

    /// <summary>
    /// Notes that a reader starts reading chunk (<paramref name="row"/>, <paramref name="column"/>) and writes the
    /// chunks to decode ahead of it into <paramref name="ahead"/>, nearest first; returns how many.
    /// </summary>
    /// <param name="stillWanted">cancelled once the run that asked for them ends with a seek.</param>
    public int Next(int row, int column, Span<ChunkPosition> ahead, out CancellationToken stillWanted)
    {
        lock (_gate)
        {
            Observe(row, column);
            stillWanted = _run.Token;
            var current = IndexOf(_row, _column);
            var certain = _widthKnown
                ? _startColumn + _width - 1 - _column
                : Math.Max(0, Math.Min(_startColumn + _expectedWidth, _columns) - 1 - _column);
            var allowed = Math.Min(_depth, certain + (_readInRun / ChunksReadPerGuess));
            var count = 0;
            for (var index = Math.Max(_requestedUpTo, current) + 1; index <= current + allowed && count < ahead.Length; index++)
            {
                var position = PositionOf(index);
                if (position.Row >= _rows)
                {
                    break;
                }

                ahead[count++] = position;
                _requestedUpTo = index;
            }

            return count;
        }
    }

    private void Observe(int row, int column)
    {
        if (_row >= 0 && InRegion(row, column) && Math.Abs(IndexOf(row, column) - IndexOf(_row, _column)) <= _depth)
        {
            if (IndexOf(row, column) > IndexOf(_row, _column))
            {
                (_row, _column) = (row, column);
            }

            _readInRun++;
            return;
        }

        if (_row >= 0 && !_widthKnown && row == _row + 1 && column >= _startColumn && column - _startColumn <= _depth)
        {
            // Back to the region's first column one row down: the region is as wide as the row just read.
            _widthKnown = true;
            _width = _column - _startColumn + 1;
            (_row, _column) = (row, column);
            _requestedUpTo = IndexOf(row, column);
            _readInRun++;
            return;
        }

        var width = _widthKnown ? _width : 0;
        _expectedWidth = width > 1 && width == _previousWidth ? width : 0;
        _previousWidth = width;
        _run.Cancel();
        _run = new CancellationTokenSource();
        (_startRow, _startColumn, _row, _column) = (row, column, row, column);
        _width = _columns - column;
        _widthKnown = false;
        _readInRun = 1;
        _requestedUpTo = 0;
    }

    private bool InRegion(int row, int column) =>
        row >= _startRow && column >= _startColumn && column < _startColumn + _width && (_widthKnown || row == _startRow);

    private long IndexOf(int row, int column) => ((long)(row - _startRow) * _width) + (column - _startColumn);

    private ChunkPosition PositionOf(long index) =>
        new(_startRow + (int)(index / _width), _startColumn + (int)(index % _width));
}
