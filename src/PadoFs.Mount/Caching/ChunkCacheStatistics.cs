namespace PadoFs.Mount.Caching;

/// <summary>A snapshot of the chunk cache's counters.</summary>
public sealed record ChunkCacheStatistics(
    long BudgetBytes,
    long ChargedBytes,
    int Entries,
    long Hits,
    long Misses,
    long Evictions,
    long Decodes,
    long DecodeFailures,
    TimeSpan DecodeTime,
    PrefetchStatistics Prefetch);
