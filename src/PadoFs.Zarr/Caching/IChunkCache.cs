namespace PadoFs.Zarr.Caching;

/// <summary>
/// Where stores get decoded chunks from. An implementation may keep them (the mount's cache) or decode every
/// time (<see cref="UncachedChunks"/>); concurrent requests of one key should decode it once.
/// </summary>
public interface IChunkCache
{
    /// <summary>The decoded bytes of <paramref name="key"/>, <paramref name="length"/> long, decoded by <paramref name="decode"/> when not held.</summary>
    /// <param name="startsRead">true when a reader starts reading the chunk, false when it goes on through it: only
    /// the start counts as a use of the chunk, however many reads the rest takes.</param>
    /// <exception cref="Exception">whatever <paramref name="decode"/> threw; a failed decode is never kept.</exception>
    ChunkLease Get(ChunkKey key, int length, ChunkDecoder decode, bool startsRead);

    /// <summary>
    /// As <see cref="Get"/>, for callers that must not block a thread: a reader that finds the chunk being decoded by
    /// another awaits that decode instead of waiting on it. A held chunk completes at once, as a hit of <see cref="Get"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    ValueTask<ChunkLease> GetAsync(ChunkKey key, int length, ChunkDecoder decode, bool startsRead, CancellationToken cancellationToken);

    /// <summary>How many chunks ahead of one reader are worth asking for: enough to keep every decoding core busy; 0 when the cache prefetches nothing.</summary>
    int PrefetchDepth { get; }

    /// <summary>
    /// Asks for <paramref name="key"/> to be decoded in the background because a reader is likely to want it
    /// soon; returns at once. A cache that keeps nothing ignores it; a failed prefetch is simply dropped, and so is
    /// one not started by the time <paramref name="stillWanted"/> is cancelled.
    /// </summary>
    void Prefetch(ChunkKey key, int length, ChunkDecoder decode, CancellationToken stillWanted);
}
