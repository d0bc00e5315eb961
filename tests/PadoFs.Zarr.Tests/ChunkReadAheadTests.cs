using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>Which chunks a reader's pattern asks to be decoded ahead of it.</summary>
[Trait("Category", "Fast")]
public sealed class ChunkReadAheadTests
{
    private const int Depth = 4;

    [Fact]
    public void A_reader_that_comes_back_one_row_down_gets_the_rest_of_that_row_asked_for()
    {
        var readAhead = new ChunkReadAhead(rows: 20, columns: 30, Depth);

        Assert.Empty(Read(readAhead, 5, 10));
        Assert.Empty(Read(readAhead, 5, 11));
        Assert.Empty(Read(readAhead, 5, 12));

        Assert.Equal([new(6, 11), new(6, 12)], Read(readAhead, 6, 10));
        Assert.Empty(Read(readAhead, 6, 11));
        Assert.Empty(Read(readAhead, 6, 12));
        Assert.Equal([new(7, 11), new(7, 12)], Read(readAhead, 7, 10));
    }

    [Fact]
    public void A_whole_level_read_in_C_order_keeps_the_chunks_ahead_asked_for_and_wastes_none()
    {
        const int rows = 12, columns = 10;
        var readAhead = new ChunkReadAhead(rows, columns, Depth);
        var asked = new HashSet<ChunkPosition>();
        var readBeforeAsked = 0;

        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                if (!asked.Contains(new ChunkPosition(row, column)))
                {
                    readBeforeAsked++;
                }

                foreach (var position in Read(readAhead, row, column))
                {
                    Assert.True(asked.Add(position), $"{position} asked for twice");
                    Assert.InRange(position.Row, 0, rows - 1);
                }
            }
        }

        // The first row is read before its width is known; after it, every chunk was asked for before it was read.
        Assert.Equal(columns + 1, readBeforeAsked);
        Assert.Equal(rows * columns - readBeforeAsked, asked.Count);
    }

    [Fact]
    public void Regions_read_one_after_another_waste_under_a_tenth_of_the_chunks_asked_for()
    {
        var readAhead = new ChunkReadAhead(rows: 200, columns: 200, Depth);
        var random = new Random(14);
        var asked = 0;
        var wasted = 0;
        for (var region = 0; region < 200; region++)
        {
            var (top, left) = (random.Next(150), random.Next(150));
            var (height, width) = (random.Next(1, 12), random.Next(1, 12));
            var read = new HashSet<ChunkPosition>();
            var askedHere = new List<ChunkPosition>();
            for (var row = top; row < top + height; row++)
            {
                for (var column = left; column < left + width; column++)
                {
                    read.Add(new ChunkPosition(row, column));
                    askedHere.AddRange(Read(readAhead, row, column));
                }
            }

            asked += askedHere.Count;
            wasted += askedHere.Count(position => !read.Contains(position));
        }

        Assert.True(asked > 1000, $"only {asked} chunks asked for");
        Assert.True(wasted * 10 < asked, $"{wasted} of {asked} chunks asked for were never read");
    }

    [Fact]
    public void After_two_windows_of_one_width_the_next_has_its_first_row_asked_for_from_its_first_chunk()
    {
        var readAhead = new ChunkReadAhead(rows: 50, columns: 50, Depth);
        ReadRegion(readAhead, top: 3, left: 4, height: 3, width: 3);
        ReadRegion(readAhead, top: 30, left: 20, height: 3, width: 3);

        Assert.Equal([new(10, 41), new(10, 42)], Read(readAhead, 10, 40));
        Assert.Empty(Read(readAhead, 10, 41));
        Assert.Empty(Read(readAhead, 10, 42));
        Assert.Equal([new(11, 41), new(11, 42)], Read(readAhead, 11, 40));
    }

    [Fact]
    public void A_window_wider_than_expected_is_followed_along_its_row_as_one_run()
    {
        var readAhead = new ChunkReadAhead(rows: 50, columns: 50, Depth);
        ReadRegion(readAhead, top: 3, left: 4, height: 2, width: 2);
        ReadRegion(readAhead, top: 30, left: 20, height: 2, width: 2);
        Span<ChunkPosition> ahead = stackalloc ChunkPosition[Depth];
        readAhead.Next(10, 10, ahead, out var run);

        for (var column = 11; column < 16; column++)
        {
            readAhead.Next(10, column, ahead, out _);
        }

        Assert.False(run.IsCancellationRequested);
        Assert.Equal([new(11, 11), new(11, 12), new(11, 13), new(11, 14)], Read(readAhead, 11, 10));
    }

    [Fact]
    public void A_seek_cancels_what_the_run_before_it_asked_for()
    {
        var readAhead = new ChunkReadAhead(rows: 20, columns: 30, Depth);
        Read(readAhead, 0, 0);
        Read(readAhead, 0, 1);
        Span<ChunkPosition> ahead = stackalloc ChunkPosition[Depth];
        Assert.Equal(1, readAhead.Next(1, 0, ahead, out var firstRun));

        readAhead.Next(15, 20, ahead, out var secondRun);

        Assert.True(firstRun.IsCancellationRequested);
        Assert.False(secondRun.IsCancellationRequested);
    }

    [Fact]
    public void Readers_sharing_out_a_row_out_of_order_stay_one_run()
    {
        var readAhead = new ChunkReadAhead(rows: 4, columns: 40, Depth);
        Span<ChunkPosition> ahead = stackalloc ChunkPosition[Depth];
        readAhead.Next(0, 0, ahead, out var run);

        foreach (var column in new[] { 2, 1, 3, 5, 4, 6, 8, 7 })
        {
            readAhead.Next(0, column, ahead, out _);
        }

        Assert.False(run.IsCancellationRequested);
    }

    private static void ReadRegion(ChunkReadAhead readAhead, int top, int left, int height, int width)
    {
        for (var row = top; row < top + height; row++)
        {
            for (var column = left; column < left + width; column++)
            {
                Read(readAhead, row, column);
            }
        }
    }

    private static ChunkPosition[] Read(ChunkReadAhead readAhead, int row, int column)
    {
        var ahead = new ChunkPosition[Depth];
        var count = readAhead.Next(row, column, ahead, out _);
        return ahead[..count];
    }
}
