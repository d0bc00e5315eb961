using System.Collections.Concurrent;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>
/// Decodes chunks into the cache ahead of readers, on threads of its own, from a short queue that drops requests
/// rather than fall behind: a reader that gets to a chunk first simply decodes it itself, and a request whose
/// reader has moved elsewhere (its token cancelled) is dropped unstarted.
/// </summary>
internal sealed class ChunkPrefetcher : IDisposable
{
    private const int QueueLength = 64;

    private readonly ChunkCache _cache;
    private readonly BlockingCollection<Request> _requests = new(new ConcurrentQueue<Request>(), QueueLength);
    private readonly Thread[] _workers;
    private long _decoded;
    private long _cancelled;
    private long _overtaken;
    private long _dropped;
    private int _disposed;

    public ChunkPrefetcher(ChunkCache cache, int workers)
    {
        _cache = cache;
        _workers = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"padofs-prefetch-{i}" };
            _workers[i].Start();
        }
    }

    public bool IsEnabled => _workers.Length > 0;

    public int Workers => _workers.Length;

    /// <summary>Chunks the workers decoded.</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    /// <summary>Requests dropped unstarted because their reader had moved elsewhere.</summary>
    public long Cancelled => Interlocked.Read(ref _cancelled);

    /// <summary>Requests dropped because a reader had decoded the chunk first.</summary>
    public long Overtaken => Interlocked.Read(ref _overtaken);

    /// <summary>Requests not queued because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(ChunkKey key, int length, ChunkDecoder decode, CancellationToken stillWanted)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                if (!_requests.TryAdd(new Request(key, length, decode, stillWanted)))
                {
                    Interlocked.Increment(ref _dropped);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // Stopping: a request for a chunk ahead of a reader is simply not needed any more.
            }
        }
    }

    /// <summary>Stops the workers after the chunks they are decoding.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _requests.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join(TimeSpan.FromSeconds(10));
        }

        _requests.Dispose();
    }

    private void Work()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            if (request.StillWanted.IsCancellationRequested)
            {
                Interlocked.Increment(ref _cancelled);
                continue;
            }

            if (_cache.Holds(request.Key))
            {
                Interlocked.Increment(ref _overtaken);
                continue;
            }

            try
            {
                if (_cache.Warm(request.Key, request.Length, request.Decode))
                {
                    Interlocked.Increment(ref _decoded);
                }
            }
            catch (Exception)
            {
                // The reader that gets to this chunk decodes it again and sees the failure itself.
            }
        }
    }

    private readonly record struct Request(ChunkKey Key, int Length, ChunkDecoder Decode, CancellationToken StillWanted);
}
