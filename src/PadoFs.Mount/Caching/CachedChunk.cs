using System.Runtime.ExceptionServices;
using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>
/// One decoded chunk held by <see cref="ChunkCache"/>. It is reference counted: the cache holds one reference
/// while the chunk is listed, every reader one per lease; the buffer goes back to the pool only when the last
/// reference is released, so eviction never pulls bytes from under a reader.
/// </summary>
internal sealed class CachedChunk : IChunkBuffer
{
    private const int Loading = 0;
    private const int Ready = 1;
    private const int Failed = 2;
    /// <summary>The most reuses a chunk is credited with: it survives that many eviction passes unread.</summary>
    public const int MaxFrequency = 3;

    private readonly ChunkCache _owner;
    private readonly object _settled = new();
    private byte[]? _buffer;
    private int _references;
    private int _state;
    private int _frequency;
    private int _prefetched;
    private ExceptionDispatchInfo? _failure;

    // Made by the first asynchronous waiter only, so that synchronous readers never pay for it.
    private TaskCompletionSource? _decoded;

    public CachedChunk(ChunkCache owner, ChunkKey key, byte[] buffer)
    {
        _owner = owner;
        Key = key;
        _buffer = buffer;
        Length = buffer.Length;

        // One reference for the cache's listing, one for the thread that decodes it.
        _references = 2;
    }

    public ChunkKey Key { get; }

    public int Length { get; }

    /// <summary>Set under the cache's queue lock once the chunk is unlisted; queues skip it from then on.</summary>
    public bool Unlisted { get; set; }

    /// <summary>True while it is being decoded or a reader holds it: such a chunk is not evicted.</summary>
    public bool InUse => Volatile.Read(ref _references) > 1;

    public int Frequency => Volatile.Read(ref _frequency);

    public ReadOnlySpan<byte> Span => _buffer;

    public Span<byte> Writable => _buffer;

    /// <summary>Takes a reader's reference unless the chunk is already being freed.</summary>
    public bool TryAcquire()
    {
        var references = Volatile.Read(ref _references);
        while (references > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, references + 1, references);
            if (seen == references)
            {
                return true;
            }

            references = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null)
            {
                _owner.Free(buffer);
            }
        }
    }

    /// <summary>
    /// Credits a reuse (a reader starting to read the chunk); saturating. The first read of a prefetched chunk
    /// is its first use, not a reuse: otherwise every chunk of a scan that prefetch feeds would look reused.
    /// </summary>
    /// <returns>true when this is that first read of a prefetched chunk.</returns>
    public bool Touch()
    {
        if (Interlocked.Exchange(ref _prefetched, 0) == 1)
        {
            return true;
        }

        if (Volatile.Read(ref _frequency) < MaxFrequency)
        {
            Interlocked.Increment(ref _frequency);
        }

        return false;
    }

    /// <summary>Marks a chunk decoded ahead of any reader.</summary>
    public void MarkPrefetched() => Volatile.Write(ref _prefetched, 1);

    public void Cool() => Interlocked.Exchange(ref _frequency, Math.Max(0, Volatile.Read(ref _frequency) - 1));

    public void ResetFrequency() => Interlocked.Exchange(ref _frequency, 0);

    public void MarkReady() => Settle(Ready);

    public void MarkFailed(Exception failure)
    {
        _failure = ExceptionDispatchInfo.Capture(failure);
        Settle(Failed);
    }

    /// <summary>True once the decoding thread is done, decoded or failed.</summary>
    public bool IsSettled => Volatile.Read(ref _state) != Loading;

    /// <summary>Blocks until the decoding thread is done; rethrows its failure.</summary>
    public void WaitUntilDecoded()
    {
        if (Volatile.Read(ref _state) == Loading)
        {
            lock (_settled)
            {
                while (Volatile.Read(ref _state) == Loading)
                {
                    Monitor.Wait(_settled);
                }
            }
        }

        ThrowIfFailed();
    }

    /// <summary>Completes when the decoding thread is done, decoded or failed (see <see cref="ThrowIfFailed"/>); holds no thread meanwhile.</summary>
    public Task DecodedAsync()
    {
        lock (_settled)
        {
            if (Volatile.Read(ref _state) != Loading)
            {
                return Task.CompletedTask;
            }

            // Continuations run on the thread pool, not on the decoding thread that settles the chunk.
            _decoded ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _decoded.Task;
        }
    }

    /// <summary>Rethrows the decoding thread's failure, if it failed.</summary>
    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref _state) == Failed)
        {
            _failure!.Throw();
        }
    }

    private void Settle(int state)
    {
        lock (_settled)
        {
            Volatile.Write(ref _state, state);
            Monitor.PulseAll(_settled);
            _decoded?.TrySetResult();
        }
    }
}
