namespace PadoFs.Mount;

/// <summary>Counters of what the mount served, for <c>.padofs/stats.json</c>.</summary>
public sealed class MountStatistics
{
    private long _reads;
    private long _bytes;
    private long _failures;

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public long Reads => Interlocked.Read(ref _reads);

    public long BytesRead => Interlocked.Read(ref _bytes);

    public long Failures => Interlocked.Read(ref _failures);

    public void CountRead(int bytes)
    {
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void CountFailure() => Interlocked.Increment(ref _failures);
}
