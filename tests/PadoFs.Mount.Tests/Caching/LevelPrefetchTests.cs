using PadoFs.Images;
using PadoFs.Mount.Caching;
using PadoFs.Testing;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tests.Caching;

/// <summary>A slide's level read through the mount's cache: chunks the reader's pattern makes certain are decoded before they are read.</summary>
[Trait("Category", "Fast")]
public sealed class LevelPrefetchTests
{
    [Fact]
    public void After_one_row_and_the_start_of_the_next_the_rest_of_that_row_is_decoded_before_it_is_asked_for()
    {
        using var cache = new ChunkCache(budgetBytes: 64L << 20, prefetchWorkers: 2);
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var level = new SlideStore(image, new SlideStoreOptions { Cache = cache }).Levels[0];
        var geometry = level.Geometry;
        for (var column = 0; column < geometry.ChunkColumns; column++)
        {
            ReadChunk(level, 0, column);
        }

        ReadChunk(level, 1, 0);
        var ahead = cache.PrefetchDepth;
        Assert.InRange(ahead, 1, geometry.ChunkColumns - 1);
        Assert.True(
            SpinWait.SpinUntil(() => cache.GetStatistics().Prefetch.Decoded >= ahead, TimeSpan.FromSeconds(30)),
            $"chunks decoded ahead: {cache.GetStatistics().Prefetch.Decoded} of {ahead}");

        var misses = cache.GetStatistics().Misses;
        for (var column = 1; column <= ahead; column++)
        {
            ReadChunk(level, 1, column);
        }

        var statistics = cache.GetStatistics();
        Assert.Equal(misses, statistics.Misses);
        Assert.Equal(ahead, statistics.Prefetch.Used);
        Assert.Equal(geometry.ChunkColumns + 1, statistics.Misses);
    }

    [Fact]
    public void Reading_single_chunks_here_and_there_decodes_nothing_ahead()
    {
        using var cache = new ChunkCache(budgetBytes: 64L << 20, prefetchWorkers: 2);
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var level = new SlideStore(image, new SlideStoreOptions { Cache = cache }).Levels[0];

        foreach (var (row, column) in new[] { (3, 4), (9, 1), (0, 7), (12, 9), (6, 6) })
        {
            ReadChunk(level, row, column);
        }

        Assert.Equal(0, cache.GetStatistics().Prefetch.Decoded);
        Assert.Equal(5, cache.GetStatistics().Misses);
    }

    private static void ReadChunk(ZarrArray level, int row, int column)
    {
        var entry = level.Find(level.Geometry.ChunkKey(row, column))!;
        var bytes = new byte[entry.Length];
        Assert.Equal(bytes.Length, entry.Read(0, bytes));
    }
}
