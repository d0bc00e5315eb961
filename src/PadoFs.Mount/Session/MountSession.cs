using Microsoft.Extensions.Logging;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Slides;
using PadoFs.Mount.Status;
using PadoFs.Mount.Tree;

namespace PadoFs.Mount.Session;

/// <summary>
/// What one daemon serves, whichever adapters serve it: one chunk cache, one slide registry, one tree, one set of
/// statistics, and the sweep that closes idle slides. Adapters attach to the session and share all of it, so a
/// daemon that serves FUSE and HTTP at once decodes every chunk once. Disposing the session detaches its adapters
/// (last attached first), then stops the cache's workers.
/// </summary>
public sealed partial class MountSession : IAsyncDisposable
{
    /// <summary>How often idle slides are looked for.</summary>
    public static readonly TimeSpan IdleSweepInterval = TimeSpan.FromSeconds(15);

    private readonly ILogger _logger;
    private readonly List<IMountAdapter> _adapters = [];
    private int _disposed;

    public MountSession(MountConfig config, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(logger);
        Config = config;
        _logger = logger;
        Cache = new ChunkCache(config.CacheBudgetBytes ?? CacheBudget.Floor);
        Statistics = new MountStatistics();
        Registry = new SlideRegistry(config, Cache, logger);
        Tree = MountTreeBuilder.Build(Registry, Statistics, new MountStatusDocuments(Statistics, Cache, Registry));
    }

    public MountConfig Config { get; }

    public ChunkCache Cache { get; }

    public SlideRegistry Registry { get; }

    public MountStatistics Statistics { get; }

    public MountTree Tree { get; }

    /// <summary>The adapters attached, in the order they were.</summary>
    public IReadOnlyList<IMountAdapter> Adapters => _adapters;

    /// <summary>The cache's budget as the log states it.</summary>
    public string CacheDescription => Config.CacheBudgetBytes is { } fixedBudget
        ? ByteSize.Format(fixedBudget)
        : $"derived, from {ByteSize.Format(CacheBudget.Floor)} up to {ByteSize.Format(CacheBudget.Ceiling)}";

    /// <summary>Attaches an adapter that serves this session's tree; it is detached when the session is disposed.</summary>
    public T Attach<T>(T adapter)
        where T : IMountAdapter
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _adapters.Add(adapter);
        return adapter;
    }

    /// <summary>
    /// Closes idle slides every <see cref="IdleSweepInterval"/> until <paramref name="stoppingToken"/> is cancelled
    /// (null is returned) or an adapter stops serving by itself (that one is returned).
    /// </summary>
    public async Task<AdapterEnding?> RunAsync(CancellationToken stoppingToken)
    {
        var ended = new Task[_adapters.Count];
        for (var i = 0; i < ended.Length; i++)
        {
            ended[i] = _adapters[i].Completion;
        }

        var anyEnded = ended.Length > 0 ? Task.WhenAny(ended) : Task.Delay(Timeout.Infinite, CancellationToken.None);
        using var timer = new PeriodicTimer(IdleSweepInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, anyEnded).ConfigureAwait(false) == anyEnded)
            {
                var first = ((Task<Task>)anyEnded).Result;
                var adapter = _adapters[Array.IndexOf(ended, first)];
                return new AdapterEnding(adapter, first.IsFaulted ? first.Exception!.InnerException!.Message : adapter.EndedReason);
            }

            try
            {
                await tick.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            SweepIdle();
        }

        return null;
    }

    /// <summary>Closes the slides unused for the config's idle time; a failure is logged and the session goes on.</summary>
    public void SweepIdle()
    {
        try
        {
            var closed = Registry.CloseIdle();
            if (closed > 0)
            {
                LogClosedIdle(closed);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Closing an idle slide is housekeeping: a failure is logged, the adapters keep serving.
            LogIdleCloseFailed(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        for (var i = _adapters.Count - 1; i >= 0; i--)
        {
            await _adapters[i].DisposeAsync().ConfigureAwait(false);
        }

        Cache.Dispose();
    }

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Closing idle slides failed: {Reason}")]
    private partial void LogIdleCloseFailed(string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Closed {Count} idle slides")]
    private partial void LogClosedIdle(int count);
}
