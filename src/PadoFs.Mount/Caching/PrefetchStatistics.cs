namespace PadoFs.Mount.Caching;

/// <summary>What became of the chunks asked for ahead of readers.</summary>
/// <param name="Decoded">decoded by a prefetch worker.</param>
/// <param name="Used">of those, read by a reader afterwards (or while being decoded).</param>
/// <param name="Cancelled">dropped before a worker started them, since the reader had moved elsewhere.</param>
/// <param name="Overtaken">dropped because a reader had got to the chunk first and decoded it itself.</param>
/// <param name="Dropped">not queued because the queue was full.</param>
public sealed record PrefetchStatistics(long Decoded, long Used, long Cancelled, long Overtaken, long Dropped)
{
    /// <summary>Decoded ahead and not read (yet): evicted unread, or still waiting for a reader.</summary>
    public long Unused => Math.Max(0, Decoded - Used);
}
