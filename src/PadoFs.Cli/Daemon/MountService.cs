using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PadoFs.Fuse;
using PadoFs.Mount;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Slides;
using PadoFs.Mount.Status;
using PadoFs.Mount.Tree;
using PadoFs.Zarr;

namespace PadoFs.Cli.Daemon;

/// <summary>
/// The daemon's one job: mount the config's tree when the host starts, close idle slides while it runs, and
/// unmount when the host stops (SIGINT, SIGTERM, or the mount ending by itself, which stops the host).
/// </summary>
internal sealed partial class MountService(MountConfig config, IHostApplicationLifetime lifetime, ILogger<MountService> logger) : BackgroundService
{
    private static readonly TimeSpan s_idleSweep = TimeSpan.FromSeconds(15);

    private FuseMount? _mount;
    private SlideRegistry? _registry;
    private ChunkCache? _cache;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var cache = _cache = new ChunkCache(config.CacheBudgetBytes ?? CacheBudget.Floor);
        var statistics = new MountStatistics();
        _registry = new SlideRegistry(config, cache, logger);
        var tree = MountTreeBuilder.Build(_registry, statistics, new MountStatusDocuments(statistics, cache, _registry));
        _mount = FuseMount.Mount(tree, config.MountPoint, new FuseMountOptions { AllowOther = config.AllowOther }, logger);
        var budget = config.CacheBudgetBytes is { } fixedBudget
            ? ByteSize.Format(fixedBudget)
            : $"derived, from {ByteSize.Format(CacheBudget.Floor)} up to {ByteSize.Format(CacheBudget.Ceiling)}";
        var layout = ZarrLayoutNames.Name(config.Layout);
        LogMounted(config.Images.Count, _mount.MountPoint, layout, config.Format.Version, budget);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_mount is { } mount)
        {
            mount.Stop();
            mount.Dispose();
        }

        _cache?.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ended = _mount!.Completion;
        using var timer = new PeriodicTimer(s_idleSweep);
        while (!stoppingToken.IsCancellationRequested)
        {
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, ended) == ended)
            {
                // Nobody asked it to stop (an outside umount, a lost connection): a failure, so a service manager
                // restarts the daemon.
                LogMountEnded(ended.IsFaulted ? ended.Exception!.InnerException!.Message : "unmounted from outside the daemon");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }

            try
            {
                await tick;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var closed = _registry!.CloseIdle();
                if (closed > 0)
                {
                    LogClosedIdle(closed);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Closing an idle slide is housekeeping: a failure is logged, the mount keeps serving.
                LogIdleCloseFailed(e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Serving {Count} slide folders at {MountPoint} (layout {Layout}, zarr v{ZarrFormat}, cache {Cache}); Ctrl+C or SIGTERM unmounts")]
    private partial void LogMounted(int count, string mountPoint, string layout, int zarrFormat, string cache);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The mount ended by itself: {Reason}")]
    private partial void LogMountEnded(string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Closing idle slides failed: {Reason}")]
    private partial void LogIdleCloseFailed(string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Closed {Count} idle slides")]
    private partial void LogClosedIdle(int count);
}
