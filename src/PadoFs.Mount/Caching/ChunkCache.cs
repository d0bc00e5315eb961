using System.Collections.Concurrent;
using System.Diagnostics;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>
/// The process's decoded-chunk cache, shared by every slide and layout.
/// <list type="bullet">
/// <item>Bounded by a byte budget charged with the exact bytes of every buffer it holds, including evicted
/// buffers a reader still uses, so the budget is a hard limit on its memory.</item>
/// <item>Single-flight: concurrent readers of a missing chunk wait for one decode; asynchronous readers
/// (<see cref="GetAsync"/>) await it without holding a thread.</item>
/// <item>Hits take no lock: a dictionary read and a reference count.</item>
/// <item>S3-FIFO eviction: new chunks enter a small queue and only move to the main queue when read again, so a
/// scan of a whole level passes through without flushing the chunks that are really reused.</item>
/// <item>Prefetch: chunks a reader will likely want next are decoded by worker threads, one per core, from a
/// short queue that drops requests rather than fall behind. A queued chunk is not listed until a worker starts
/// it, so a reader that gets there first decodes it itself instead of waiting behind the queue.</item>
/// </list>
/// </summary>
public sealed class ChunkCache : IChunkCache, IDisposable
{
    private const int SmallQueuePercent = 10;

    private readonly ConcurrentDictionary<ChunkKey, CachedChunk> _chunks = new();
    private readonly ChunkBufferPool _pool = new(maxFreePerLength: 32);
    private readonly Lock _queueLock = new();
    private readonly Queue<CachedChunk> _small = new();
    private readonly Queue<CachedChunk> _main = new();
    private readonly Queue<ChunkKey> _ghostOrder = new();
    private readonly HashSet<ChunkKey> _ghosts = [];
    private long _smallBytes;
    private long _charged;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _decodes;
    private long _decodeFailures;
    private long _decodeTicks;
    private long _prefetchesUsed;
    private readonly ChunkPrefetcher _prefetcher;

    private long _budget;

    public ChunkCache(long budgetBytes, int prefetchWorkers = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        _budget = budgetBytes;
        var workers = prefetchWorkers >= 0 ? prefetchWorkers : Environment.ProcessorCount;
        _prefetcher = new ChunkPrefetcher(this, workers);
    }

    /// <summary>Two chunks per worker: one being decoded, one waiting, so no worker idles between a reader's reads.</summary>
    public int PrefetchDepth => 2 * _prefetcher.Workers;

    public long BudgetBytes => Interlocked.Read(ref _budget);

    /// <summary>Raises the budget to <paramref name="budgetBytes"/> if that is more; a budget never shrinks.</summary>
    public void RaiseBudget(long budgetBytes)
    {
        var current = Interlocked.Read(ref _budget);
        while (budgetBytes > current)
        {
            var seen = Interlocked.CompareExchange(ref _budget, budgetBytes, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Bytes of the arrays the cache holds now (listed, read, or free for reuse), never more than <see cref="BudgetBytes"/>.</summary>
    public long ChargedBytes => Interlocked.Read(ref _charged);

    public ChunkLease Get(ChunkKey key, int length, ChunkDecoder decode, bool startsRead)
    {
        var lease = Acquire(key, length, decode, startsRead, out var listed);
        if (listed is null)
        {
            return lease;
        }

        try
        {
            listed.WaitUntilDecoded();
        }
        catch
        {
            listed.Release();
            throw;
        }

        return new ChunkLease(listed);
    }

    public ValueTask<ChunkLease> GetAsync(ChunkKey key, int length, ChunkDecoder decode, bool startsRead, CancellationToken cancellationToken)
    {
        var lease = Acquire(key, length, decode, startsRead, out var listed);
        if (listed is null)
        {
            return ValueTask.FromResult(lease);
        }

        if (listed.IsSettled)
        {
            // A hit: the same cost as the synchronous path, no task allocated.
            try
            {
                listed.ThrowIfFailed();
            }
            catch
            {
                listed.Release();
                throw;
            }

            return ValueTask.FromResult(new ChunkLease(listed));
        }

        return WaitForDecodeAsync(listed, cancellationToken);
    }

    private static async ValueTask<ChunkLease> WaitForDecodeAsync(CachedChunk listed, CancellationToken cancellationToken)
    {
        try
        {
            await listed.DecodedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            listed.ThrowIfFailed();
        }
        catch
        {
            listed.Release();
            throw;
        }

        return new ChunkLease(listed);
    }

    // A lease on the decoded bytes when this caller decoded them (or could not list them); otherwise
    // <paramref name="listed"/> is the listed chunk, acquired for this reader, which may still be decoding.
    private ChunkLease Acquire(ChunkKey key, int length, ChunkDecoder decode, bool startsRead, out CachedChunk? listed)
    {
        while (true)
        {
            if (_chunks.TryGetValue(key, out listed))
            {
                if (!listed.TryAcquire())
                {
                    continue;
                }

                // A reader going on through a chunk it began is one use, however many FUSE reads that takes.
                if (startsRead)
                {
                    Interlocked.Increment(ref _hits);
                    if (listed.Touch())
                    {
                        Interlocked.Increment(ref _prefetchesUsed);
                    }
                }

                return default;
            }

            if (!TryReserve(length, out var buffer))
            {
                // Larger than the budget, or every byte of it is being read right now: decode into an array held
                // only while this reader copies from it, and keep nothing.
                Interlocked.Increment(ref _misses);
                var transient = new TransientChunk(length);
                DecodeCounted(decode, key, transient.Writable);
                return new ChunkLease(transient);
            }

            var chunk = new CachedChunk(this, key, buffer);
            if (!_chunks.TryAdd(key, chunk))
            {
                // Another reader listed this key first; nobody saw this chunk, so dropping both references frees it.
                chunk.Release();
                chunk.Release();
                continue;
            }

            Interlocked.Increment(ref _misses);
            Decode(chunk, decode);
            return new ChunkLease(chunk);
        }
    }

    public void Prefetch(ChunkKey key, int length, ChunkDecoder decode, CancellationToken stillWanted)
    {
        // Only what fits a good many times in the budget: prefetching must never push out what readers use.
        if (_prefetcher.IsEnabled && length <= BudgetBytes / 16 && !Holds(key))
        {
            _prefetcher.Enqueue(key, length, decode, stillWanted);
        }
    }

    /// <summary>Stops the prefetch workers after the requests they are decoding.</summary>
    public void Dispose() => _prefetcher.Dispose();

    internal bool Holds(ChunkKey key) => _chunks.ContainsKey(key);

    public ChunkCacheStatistics GetStatistics() => new(
        BudgetBytes,
        ChargedBytes,
        _chunks.Count,
        Interlocked.Read(ref _hits),
        Interlocked.Read(ref _misses),
        Interlocked.Read(ref _evictions),
        Interlocked.Read(ref _decodes),
        Interlocked.Read(ref _decodeFailures),
        TimeSpan.FromTicks(Interlocked.Read(ref _decodeTicks)),
        new PrefetchStatistics(_prefetcher.Decoded, Interlocked.Read(ref _prefetchesUsed), _prefetcher.Cancelled, _prefetcher.Overtaken, _prefetcher.Dropped));

    /// <summary>
    /// Decodes a chunk ahead of readers: only into room the budget has, and never a chunk already listed; false
    /// when it decoded nothing.
    /// </summary>
    internal bool Warm(ChunkKey key, int length, ChunkDecoder decode)
    {
        if (Holds(key) || !TryReserve(length, out var buffer))
        {
            return false;
        }

        var chunk = new CachedChunk(this, key, buffer);
        if (!_chunks.TryAdd(key, chunk))
        {
            chunk.Release();
            chunk.Release();
            return false;
        }

        chunk.MarkPrefetched();
        try
        {
            Decode(chunk, decode);
        }
        finally
        {
            chunk.Release();
        }

        return true;
    }

    // Queued for eviction only once decoded: a chunk that fails leaves no trace in the queues.
    private void Decode(CachedChunk chunk, ChunkDecoder decode)
    {
        try
        {
            DecodeCounted(decode, chunk.Key, chunk.Writable);
        }
        catch (Exception failure)
        {
            chunk.MarkFailed(failure);
            Unlist(chunk);
            chunk.Release();
            throw;
        }

        chunk.MarkReady();
        Admit(chunk);
    }

    /// <summary>Takes back a chunk's array once nobody holds it: kept for reuse (still charged) or let go (uncharged).</summary>
    internal void Free(byte[] buffer)
    {
        lock (_queueLock)
        {
            if (_pool.TryKeep(buffer))
            {
                return;
            }
        }

        Interlocked.Add(ref _charged, -buffer.Length);
    }

    // Decodes and counts it; a plain call, so a miss allocates no closure around the decoder.
    private void DecodeCounted(ChunkDecoder decode, ChunkKey key, Span<byte> destination)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            decode(key, destination);
        }
        catch
        {
            Interlocked.Increment(ref _decodeFailures);
            throw;
        }
        finally
        {
            Interlocked.Increment(ref _decodes);
            Interlocked.Add(ref _decodeTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    // Charges an array of the length to the budget: a free one of that length, else a new one once free arrays
    // and then listed chunks have made room.
    private bool TryReserve(int length, out byte[] buffer)
    {
        buffer = [];
        if (length > BudgetBytes)
        {
            return false;
        }

        lock (_queueLock)
        {
            while (true)
            {
                if (_pool.TryTake(length, out buffer))
                {
                    return true;
                }

                if (ChargedBytes + length <= BudgetBytes)
                {
                    break;
                }

                var dropped = _pool.DropOne();
                if (dropped > 0)
                {
                    Interlocked.Add(ref _charged, -dropped);
                }
                else if (!EvictOne())
                {
                    return false;
                }
            }

            Interlocked.Add(ref _charged, length);
        }

        buffer = GC.AllocateUninitializedArray<byte>(length);
        return true;
    }

    private void Admit(CachedChunk chunk)
    {
        lock (_queueLock)
        {
            if (_ghosts.Remove(chunk.Key))
            {
                _main.Enqueue(chunk);
            }
            else
            {
                _small.Enqueue(chunk);
                _smallBytes += chunk.Length;
            }
        }
    }

    private void Unlist(CachedChunk chunk)
    {
        lock (_queueLock)
        {
            if (!chunk.Unlisted && _chunks.TryRemove(new KeyValuePair<ChunkKey, CachedChunk>(chunk.Key, chunk)))
            {
                chunk.Unlisted = true;
                chunk.Release();
            }
        }
    }

    // Under _queueLock. A chunk nobody reads is evicted within MaxFrequency + 2 passes, since every pass evicts
    // it or takes one credit of reuse away; only a whole pass of chunks in use means there is nothing to evict.
    private bool EvictOne()
    {
        var steps = (_small.Count + _main.Count) * (CachedChunk.MaxFrequency + 2);
        var inUseInARow = 0;
        while (steps-- > 0 && inUseInARow < _small.Count + _main.Count)
        {
            var fromSmall = _small.Count > 0 && (_smallBytes * 100 > BudgetBytes * SmallQueuePercent || _main.Count == 0);
            var chunk = fromSmall ? _small.Dequeue() : _main.Dequeue();
            if (fromSmall)
            {
                _smallBytes -= chunk.Length;
            }

            if (chunk.InUse)
            {
                Requeue(chunk, fromSmall);
                inUseInARow++;
                continue;
            }

            inUseInARow = 0;

            if (fromSmall && chunk.Frequency > 0)
            {
                chunk.ResetFrequency();
                _main.Enqueue(chunk);
                continue;
            }

            if (!fromSmall && chunk.Frequency > 0)
            {
                chunk.Cool();
                _main.Enqueue(chunk);
                continue;
            }

            if (_chunks.TryRemove(new KeyValuePair<ChunkKey, CachedChunk>(chunk.Key, chunk)))
            {
                chunk.Unlisted = true;
                Interlocked.Increment(ref _evictions);
                if (fromSmall)
                {
                    RememberGhost(chunk.Key);
                }

                chunk.Release();
                return true;
            }
        }

        return false;
    }

    private void Requeue(CachedChunk chunk, bool toSmall)
    {
        if (toSmall)
        {
            _small.Enqueue(chunk);
            _smallBytes += chunk.Length;
        }
        else
        {
            _main.Enqueue(chunk);
        }
    }

    private void RememberGhost(ChunkKey key)
    {
        // As many ghosts as the main queue holds chunks (at least a few hundred) is what S3-FIFO prescribes.
        var limit = Math.Max(256, _main.Count);
        if (_ghosts.Add(key))
        {
            _ghostOrder.Enqueue(key);
        }

        while (_ghostOrder.Count > limit)
        {
            _ghosts.Remove(_ghostOrder.Dequeue());
        }
    }
}
