using PadoFs.Images.Backends.Chunks;
using System.Collections.Concurrent;
using PadoFs.Mount.Caching;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Tests.Caching;

[Trait("Category", "Fast")]
public class ChunkCacheTests
{
    private const int ChunkLength = 64 * 1024;

    [Fact]
    public void Many_threads_reading_overlapping_chunks_decode_each_chunk_once()
    {
        using var cache = new ChunkCache(budgetBytes: 64L * ChunkLength);
        var decoder = new CountingDecoder(delay: TimeSpan.FromMilliseconds(2));
        var keys = Enumerable.Range(0, 40).Select(i => Key(i)).ToArray();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 400; i++)
            {
                var key = keys[random.Next(keys.Length)];
                using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
                Assert.True(CountingDecoder.HoldsPatternOf(key, lease.Span));
            }
        });

        Assert.All(keys, key => Assert.Equal(1, decoder.DecodesOf(key)));
        var statistics = cache.GetStatistics();
        Assert.Equal(keys.Length, statistics.Misses);
        Assert.Equal(8 * 400 - keys.Length, statistics.Hits);
    }

    [Fact]
    public async Task The_budget_is_never_exceeded_while_threads_scan_far_more_than_it_holds()
    {
        const long budget = 20L * ChunkLength;
        using var cache = new ChunkCache(budget);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        long largestCharge = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!sampling.IsCancellationRequested)
            {
                InterlockedMax(ref largestCharge, cache.ChargedBytes);
            }
        });

        Parallel.For(0, 4, thread =>
        {
            for (var i = 0; i < 500; i++)
            {
                var key = Key((thread * 500) + i);
                using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
                Assert.True(CountingDecoder.HoldsPatternOf(key, lease.Span));
                InterlockedMax(ref largestCharge, cache.ChargedBytes);
            }
        });
        await sampling.CancelAsync();
        await sampler;

        Assert.InRange(Interlocked.Read(ref largestCharge), ChunkLength, budget);
        Assert.True(cache.GetStatistics().Evictions >= 2000 - 20);
    }

    [Fact]
    public void Memory_held_after_a_scan_ten_times_the_budget_stays_within_the_budget()
    {
        const long budget = 16L * 1024 * 1024;
        using var cache = new ChunkCache(budget);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 10 * budget / ChunkLength; i++)
        {
            using var lease = cache.Get(Key(i), ChunkLength, decoder.Decode, startsRead: true);
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(held < budget + (4 * 1024 * 1024), $"{held} bytes held for a {budget}-byte budget");
        GC.KeepAlive(cache);
    }

    [Fact]
    public void Chunks_read_again_survive_a_scan_of_chunks_read_once()
    {
        using var cache = new ChunkCache(budgetBytes: 50L * ChunkLength);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        var hot = Enumerable.Range(0, 10).Select(i => Key(i)).ToArray();
        foreach (var key in hot.Concat(hot))
        {
            using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
        }

        for (var i = 1000; i < 1500; i++)
        {
            using var lease = cache.Get(Key(i), ChunkLength, decoder.Decode, startsRead: true);
        }

        foreach (var key in hot)
        {
            using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
        }

        Assert.All(hot, key => Assert.Equal(1, decoder.DecodesOf(key)));
    }

    [Fact]
    public void A_scan_that_prefetch_feeds_does_not_flush_the_chunks_really_reused()
    {
        using var cache = new ChunkCache(budgetBytes: 50L * ChunkLength, prefetchWorkers: 0);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        var hot = Enumerable.Range(0, 10).Select(i => Key(i)).ToArray();
        foreach (var key in hot.Concat(hot))
        {
            using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
        }

        // Each chunk of the scan is decoded ahead of the reader, then read in two FUSE reads.
        for (var i = 1000; i < 1500; i++)
        {
            cache.Warm(Key(i), ChunkLength, decoder.Decode);
            using (cache.Get(Key(i), ChunkLength, decoder.Decode, startsRead: true))
            {
            }

            using (cache.Get(Key(i), ChunkLength, decoder.Decode, startsRead: false))
            {
            }
        }

        foreach (var key in hot)
        {
            using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
        }

        Assert.All(hot, key => Assert.Equal(1, decoder.DecodesOf(key)));
    }

    [Fact]
    public void A_cache_full_of_reused_chunks_still_makes_room_for_a_new_one()
    {
        using var cache = new ChunkCache(budgetBytes: 20L * ChunkLength, prefetchWorkers: 0);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                using var lease = cache.Get(Key(i), ChunkLength, decoder.Decode, startsRead: true);
            }
        }

        for (var read = 0; read < 3; read++)
        {
            using var lease = cache.Get(Key(500), ChunkLength, decoder.Decode, startsRead: true);
            Assert.True(CountingDecoder.HoldsPatternOf(Key(500), lease.Span));
        }

        Assert.Equal(1, decoder.DecodesOf(Key(500)));
        Assert.True(cache.ChargedBytes <= cache.BudgetBytes);
    }

    [Fact]
    public async Task A_failed_decode_fails_every_waiting_reader_and_is_not_kept()
    {
        using var cache = new ChunkCache(budgetBytes: 10L * ChunkLength);
        var attempts = 0;
        using var release = new ManualResetEventSlim();
        ChunkDecoder failing = (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            release.Wait();
            throw new IOException("tile 3 is corrupt");
        };

        var arrived = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            Interlocked.Increment(ref arrived);
            cache.Get(Key(3), ChunkLength, failing, startsRead: true).Dispose();
        })).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref arrived) == 4, TimeSpan.FromSeconds(10));
        Thread.Sleep(100);
        release.Set();

        foreach (var reader in readers)
        {
            var failure = await Assert.ThrowsAsync<IOException>(() => reader);
            Assert.Equal("tile 3 is corrupt", failure.Message);
        }

        // Readers that arrived while it was decoding shared the one failure; none was handed bytes.
        var shared = Volatile.Read(ref attempts);
        Assert.InRange(shared, 1, 3);
        Assert.Throws<IOException>(() => cache.Get(Key(3), ChunkLength, failing, startsRead: true).Dispose());
        Assert.Equal(shared + 1, attempts);
        Assert.Equal(0, cache.GetStatistics().Entries);
    }

    [Fact]
    public void A_chunk_larger_than_the_budget_is_served_without_being_kept()
    {
        using var cache = new ChunkCache(budgetBytes: ChunkLength / 2);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);

        for (var i = 0; i < 3; i++)
        {
            using var lease = cache.Get(Key(1), ChunkLength, decoder.Decode, startsRead: true);
            Assert.True(CountingDecoder.HoldsPatternOf(Key(1), lease.Span));
        }

        Assert.Equal(3, decoder.DecodesOf(Key(1)));
        Assert.Equal(0, cache.ChargedBytes);
    }

    [Fact]
    public void Prefetched_chunks_are_decoded_in_the_background_and_then_hit()
    {
        using var cache = new ChunkCache(budgetBytes: 64L * ChunkLength, prefetchWorkers: 1);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        var ahead = Enumerable.Range(1, 4).Select(i => Key(i)).ToArray();

        foreach (var key in ahead)
        {
            cache.Prefetch(key, ChunkLength, decoder.Decode, CancellationToken.None);
        }

        Assert.True(SpinWait.SpinUntil(() => cache.GetStatistics().Entries == ahead.Length, TimeSpan.FromSeconds(10)));
        foreach (var key in ahead)
        {
            using var lease = cache.Get(key, ChunkLength, decoder.Decode, startsRead: true);
            Assert.True(CountingDecoder.HoldsPatternOf(key, lease.Span));
        }

        Assert.All(ahead, key => Assert.Equal(1, decoder.DecodesOf(key)));
        var statistics = cache.GetStatistics();
        Assert.Equal(ahead.Length, statistics.Prefetch.Decoded);
        Assert.Equal(ahead.Length, statistics.Prefetch.Used);
        Assert.Equal(0, statistics.Prefetch.Unused);
        Assert.Equal(ahead.Length, statistics.Hits);
    }

    [Fact]
    public void A_reader_whose_chunk_is_still_queued_decodes_it_itself_instead_of_waiting()
    {
        using var cache = new ChunkCache(budgetBytes: 64L * ChunkLength, prefetchWorkers: 1);
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        using var stuck = new GatedDecoder(decoder);

        cache.Prefetch(Key(1), ChunkLength, stuck.Decode, CancellationToken.None);
        Assert.True(stuck.Started.Wait(TimeSpan.FromSeconds(10)));
        cache.Prefetch(Key(2), ChunkLength, decoder.Decode, CancellationToken.None);

        // The only worker is stuck in chunk 1, so chunk 2 is still queued: the reader must not wait for it.
        using (var lease = cache.Get(Key(2), ChunkLength, decoder.Decode, startsRead: true))
        {
            Assert.True(CountingDecoder.HoldsPatternOf(Key(2), lease.Span));
        }

        stuck.Release.Set();
        Assert.True(SpinWait.SpinUntil(() => cache.GetStatistics().Prefetch.Overtaken == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, decoder.DecodesOf(Key(2)));
        Assert.Equal(1, cache.GetStatistics().Misses);
    }

    [Fact]
    public void A_queued_prefetch_whose_reader_moved_elsewhere_is_dropped_unstarted()
    {
        using var cache = new ChunkCache(budgetBytes: 64L * ChunkLength, prefetchWorkers: 1);
        using var run = new CancellationTokenSource();
        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        using var stuck = new GatedDecoder(decoder);

        cache.Prefetch(Key(1), ChunkLength, stuck.Decode, CancellationToken.None);
        cache.Prefetch(Key(2), ChunkLength, decoder.Decode, run.Token);
        cache.Prefetch(Key(3), ChunkLength, decoder.Decode, run.Token);
        run.Cancel();
        stuck.Release.Set();

        Assert.True(SpinWait.SpinUntil(() => cache.GetStatistics().Prefetch.Cancelled == 2, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, decoder.DecodesOf(Key(2)));
        Assert.Equal(0, decoder.DecodesOf(Key(3)));
        Assert.Equal(1, cache.GetStatistics().Prefetch.Decoded);
    }

    [Fact]
    public async Task Many_async_readers_of_a_chunk_being_decoded_await_one_decode_without_holding_a_thread()
    {
        using var cache = new ChunkCache(budgetBytes: 16L * ChunkLength, prefetchWorkers: 0);
        var counting = new CountingDecoder(delay: TimeSpan.Zero);
        using var gated = new GatedDecoder(counting);
        var decoding = Task.Run(async () =>
        {
            using var lease = await cache.GetAsync(Key(1), ChunkLength, gated.Decode, startsRead: true, CancellationToken.None);
            return CountingDecoder.HoldsPatternOf(Key(1), lease.Span);
        });
        Assert.True(gated.Started.Wait(TimeSpan.FromSeconds(10)));

        // Each call returns at once on this one thread while the decode is held: none of them waits on it.
        var waiters = new Task<ChunkLease>[200];
        for (var i = 0; i < waiters.Length; i++)
        {
            waiters[i] = cache.GetAsync(Key(1), ChunkLength, counting.Decode, startsRead: true, CancellationToken.None).AsTask();
            Assert.False(waiters[i].IsCompleted);
        }

        gated.Release.Set();
        foreach (var waiter in waiters)
        {
            using var lease = await waiter;
            Assert.True(CountingDecoder.HoldsPatternOf(Key(1), lease.Span));
        }

        Assert.True(await decoding);
        Assert.Equal(1, counting.DecodesOf(Key(1)));
        var statistics = cache.GetStatistics();
        Assert.Equal(1, statistics.Misses);
        Assert.Equal(200, statistics.Hits);
    }

    [Fact]
    public async Task A_failed_decode_reaches_every_async_waiter_and_is_not_kept()
    {
        using var cache = new ChunkCache(budgetBytes: 16L * ChunkLength, prefetchWorkers: 0);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var decoding = Task.Run(() => cache.GetAsync(Key(2), ChunkLength, (_, _) =>
        {
            started.Set();
            release.Wait();
            throw new InvalidDataException("corrupt tile 2");
        }, startsRead: true, CancellationToken.None).AsTask());
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var waiters = Enumerable.Range(0, 20)
            .Select(_ => cache.GetAsync(Key(2), ChunkLength, (_, _) => throw new InvalidOperationException("a waiter must not decode"), startsRead: true, CancellationToken.None).AsTask())
            .ToArray();

        release.Set();

        Assert.Equal("corrupt tile 2", (await Assert.ThrowsAsync<InvalidDataException>(() => decoding)).Message);
        foreach (var waiter in waiters)
        {
            Assert.Equal("corrupt tile 2", (await Assert.ThrowsAsync<InvalidDataException>(() => waiter)).Message);
        }

        var decoder = new CountingDecoder(delay: TimeSpan.Zero);
        using (var lease = await cache.GetAsync(Key(2), ChunkLength, decoder.Decode, startsRead: true, CancellationToken.None))
        {
            Assert.True(CountingDecoder.HoldsPatternOf(Key(2), lease.Span));
        }

        Assert.Equal(1, decoder.DecodesOf(Key(2)));
        Assert.Equal(1, cache.GetStatistics().DecodeFailures);
    }

    [Fact]
    public async Task An_async_waiter_cancelled_while_a_decode_runs_gives_its_hold_back()
    {
        const long budget = 2L * ChunkLength;
        using var cache = new ChunkCache(budget, prefetchWorkers: 0);
        var counting = new CountingDecoder(delay: TimeSpan.Zero);
        using var gated = new GatedDecoder(counting);
        var decoding = Task.Run(async () =>
        {
            using var lease = await cache.GetAsync(Key(3), ChunkLength, gated.Decode, startsRead: true, CancellationToken.None);
        });
        Assert.True(gated.Started.Wait(TimeSpan.FromSeconds(10)));
        using var cancel = new CancellationTokenSource();
        // Not a start of a read, so the chunk gets no credit of reuse: unread, it is the first to be evicted.
        var waiter = cache.GetAsync(Key(3), ChunkLength, counting.Decode, startsRead: false, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        gated.Release.Set();
        await decoding;

        // Nobody holds the chunk any more (a chunk held is never evicted), so other chunks push it out of a budget of two.
        for (var i = 4; i < 8; i++)
        {
            using var lease = cache.Get(Key(i), ChunkLength, counting.Decode, startsRead: true);
        }

        Assert.False(cache.Holds(Key(3)));
        Assert.InRange(cache.ChargedBytes, 0, budget);
    }

    private static ChunkKey Key(int i) => new(Slide: 7, Source: 0, Array: i % 3, Chunk: new ChunkCoordinates([i / 3, i]));

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Fills each chunk with a pattern derived from its key and counts decodes per key.</summary>
    private sealed class CountingDecoder(TimeSpan delay)
    {
        private readonly ConcurrentDictionary<ChunkKey, int> _decodes = new();

        public int DecodesOf(ChunkKey key) => _decodes.GetValueOrDefault(key);

        public void Decode(ChunkKey key, Span<byte> destination)
        {
            _decodes.AddOrUpdate(key, 1, static (_, count) => count + 1);
            if (delay > TimeSpan.Zero)
            {
                Thread.Sleep(delay);
            }

            var seed = Seed(key);
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = (byte)(seed + i);
            }
        }

        public static bool HoldsPatternOf(ChunkKey key, ReadOnlySpan<byte> bytes)
        {
            var seed = Seed(key);
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != (byte)(seed + i))
                {
                    return false;
                }
            }

            return bytes.Length == ChunkLength;
        }

        private static int Seed(ChunkKey key) => key.GetHashCode();
    }

    /// <summary>A decoder that holds the worker inside its decode until released, so the queue behind it stays put.</summary>
    private sealed class GatedDecoder(CountingDecoder decoder) : IDisposable
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Decode(ChunkKey key, Span<byte> destination)
        {
            Started.Set();
            Release.Wait();
            decoder.Decode(key, destination);
        }

        public void Dispose()
        {
            Started.Dispose();
            Release.Dispose();
        }
    }
}
