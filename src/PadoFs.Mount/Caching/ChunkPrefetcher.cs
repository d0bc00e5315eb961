using System.Collections.Concurrent;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>
/// Decodes chunks into the cache ahead of readers, on threads of its own, from a short queue that drops requests
/// rather than fall behind: a reader that gets to a chunk first simply decodes it itself.
/// </summary>
internal sealed class ChunkPrefetcher : IDisposable
{
    private const int QueueLength = 64;

    private readonly ChunkCache _cache;
    private readonly BlockingCollection<Request> _requests = new(new ConcurrentQueue<Request>(), QueueLength);
    private readonly Thread[] _workers;
    private long _decoded;
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

    /// <summary>Chunks the workers decoded.</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    public void Enqueue(ChunkKey key, int length, ChunkDecoder decode)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                _requests.TryAdd(new Request(key, length, decode));
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
            if (_cache.Holds(request.Key))
            {
                continue;
            }

            Interlocked.Increment(ref _decoded);
            try
            {
                _cache.Warm(request.Key, request.Length, request.Decode);
            }
            catch (Exception)
            {
                // The reader that gets to this chunk decodes it again and sees the failure itself.
            }
        }
    }

    private readonly record struct Request(ChunkKey Key, int Length, ChunkDecoder Decode);
}
