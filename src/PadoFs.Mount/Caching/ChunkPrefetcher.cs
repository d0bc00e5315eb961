using System.Threading.Channels;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>
/// Decodes chunks into a cache ahead of readers, on worker threads, from a short queue that drops requests
/// rather than fall behind: a reader that gets to a chunk first simply decodes it itself.
/// </summary>
internal sealed class ChunkPrefetcher : IDisposable
{
    private const int QueueLength = 64;

    private readonly ChunkCache _cache;
    private readonly Channel<Request> _requests = Channel.CreateBounded<Request>(
        new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly Task[] _workers;
    private long _decoded;

    public ChunkPrefetcher(ChunkCache cache, int workers)
    {
        _cache = cache;
        _workers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    public bool IsEnabled => _workers.Length > 0;

    /// <summary>Chunks the workers decoded.</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    public void Enqueue(ChunkKey key, int length, ChunkDecoder decode) =>
        _requests.Writer.TryWrite(new Request(key, length, decode));

    /// <summary>Stops the workers after the chunks they are decoding.</summary>
    public void Dispose()
    {
        _requests.Writer.TryComplete();
        Task.WaitAll(_workers, TimeSpan.FromSeconds(10));
    }

    private async Task Work()
    {
        var requests = _requests.Reader;
        while (await requests.WaitToReadAsync().ConfigureAwait(false))
        {
            while (requests.TryRead(out var request))
            {
                if (_cache.Holds(request.Key))
                {
                    continue;
                }

                Interlocked.Increment(ref _decoded);
                try
                {
                    _cache.Get(request.Key, request.Length, request.Decode).Dispose();
                }
                catch (Exception)
                {
                    // The reader that gets to this chunk decodes it again and sees the failure itself.
                }
            }
        }
    }

    private readonly record struct Request(ChunkKey Key, int Length, ChunkDecoder Decode);
}
