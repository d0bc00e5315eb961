namespace PadoFs.Images.Sources;

/// <summary>How a remote object is read: the block size of small reads, and how long and how often a request is tried.</summary>
public sealed record RemoteReadOptions
{
    public static RemoteReadOptions Default { get; } = new();

    /// <summary>
    /// Reads shorter than this are served from whole aligned blocks of this size, kept in the shared block cache: the
    /// many small IFD and offset-table reads of a TIFF, and neighbouring small tiles, cost one request per block.
    /// </summary>
    public int BlockSize { get; init; } = 256 * 1024;

    /// <summary>The longest one request may take, its body included, before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a request is sent before its failure is final (server errors, throttling, timeouts, lost connections).</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more), with jitter so that many readers do not retry in step.</summary>
    public TimeSpan RetryDelay(int attempt, TimeSpan? serverAsked)
    {
        if (serverAsked is { } asked && asked > TimeSpan.Zero)
        {
            return asked < MaxRetryDelay ? asked : MaxRetryDelay;
        }

        var doubled = FirstRetryDelay * Math.Pow(2, attempt - 2);
        var capped = doubled < MaxRetryDelay ? doubled : MaxRetryDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }
}
