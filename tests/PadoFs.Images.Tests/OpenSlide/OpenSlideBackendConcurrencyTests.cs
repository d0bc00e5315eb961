using System.Collections.Concurrent;
using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Reads from many threads at once are correct, and disposing while they run neither crashes nor corrupts them.</summary>
[Trait("Category", "Fast")]
public sealed class OpenSlideBackendConcurrencyTests
{
    private const int Tile = 240;

    [Fact]
    public void Concurrent_reads_equal_serial_reads()
    {
        using var backend = OpenSlideBackend.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));
        var level = backend.Levels[0];
        var tiles = Enumerable.Range(0, (int)((level.Width + Tile - 1) / Tile))
            .SelectMany(column => Enumerable.Range(0, (int)((level.Height + Tile - 1) / Tile)).Select(row => (X: column * Tile, Y: row * Tile)))
            .ToList();
        var serial = tiles.Select(tile => Read(backend, tile.X, tile.Y)).ToList();

        var concurrent = new byte[tiles.Count][];
        Parallel.For(0, tiles.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index =>
            concurrent[index] = Read(backend, tiles[index].X, tiles[index].Y));

        for (var index = 0; index < tiles.Count; index++)
        {
            RgbAssert.Equal(serial[index], concurrent[index], Tile, $"tile at {tiles[index]}");
        }
    }

    [Fact]
    public void Dispose_while_reading_lets_reads_in_flight_finish_and_fails_later_ones()
    {
        var backend = OpenSlideBackend.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));
        var reference = Read(backend, 480, 720);
        var failures = new ConcurrentQueue<Exception>();
        var completed = new int[3];
        var disposedSeen = new int[completed.Length];
        var threads = Enumerable.Range(0, completed.Length).Select(index => new Thread(() =>
        {
            try
            {
                while (true)
                {
                    var pixels = Read(backend, 480, 720);
                    if (!pixels.AsSpan().SequenceEqual(reference))
                    {
                        failures.Enqueue(new InvalidOperationException("a read returned different pixels"));
                        return;
                    }

                    Interlocked.Increment(ref completed[index]);
                }
            }
            catch (ObjectDisposedException)
            {
                disposedSeen[index] = 1;
            }
            catch (Exception unexpected)
            {
                failures.Enqueue(unexpected);
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        SpinWait.SpinUntil(() => Enumerable.Range(0, completed.Length).All(index => Volatile.Read(ref completed[index]) >= 3), TimeSpan.FromSeconds(60));
        backend.Dispose();
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.All(completed, count => Assert.True(count >= 3));
        Assert.All(disposedSeen, seen => Assert.Equal(1, seen));
    }

    private static byte[] Read(OpenSlideBackend backend, long x, long y)
    {
        var pixels = new byte[Tile * Tile * 3];
        backend.ReadRegion(0, x, y, Tile, Tile, pixels);
        return pixels;
    }
}
