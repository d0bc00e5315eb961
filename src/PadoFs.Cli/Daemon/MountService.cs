using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PadoFs.Fuse;
using PadoFs.Http;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Session;
using PadoFs.WinFsp;
using PadoFs.Zarr;

namespace PadoFs.Cli.Daemon;

/// <summary>
/// The daemon's one job: create the config's session when the host starts and attach its adapters, let the session
/// run, and dispose it (detaching every adapter) when the host stops: SIGINT, SIGTERM, or an adapter ending by
/// itself, which stops the host with exit status 1.
/// </summary>
internal sealed partial class MountService(MountConfig config, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, ILogger<MountService> logger) : BackgroundService
{
    private MountSession? _session;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var session = _session = new MountSession(config, logger);
        try
        {
            var layout = ZarrLayoutNames.Name(config.Layout);
            var cache = session.CacheDescription;
            if (config.MountPoint is { } mountPoint)
            {
                // Windows has no FUSE: there the tree is a WinFsp volume at a drive letter ("Z:", "*" for a free one).
                var mounted = OperatingSystem.IsWindows()
                    ? session.Attach(WinFspMount.Mount(session.Tree, mountPoint, logger)).MountPoint
                    : session.Attach(FuseMount.Mount(session.Tree, mountPoint, new FuseMountOptions { AllowOther = config.AllowOther }, logger)).MountPoint;
                LogMounted(config.Images.Count, mounted, layout, config.Format.Version, cache);
            }

            if (config.Http is { } serving)
            {
                var server = session.Attach(await HttpServer.StartAsync(session, serving, loggerFactory, cancellationToken));
                var access = serving.Token is null ? (serving.IsLoopback ? "this machine only" : "open to the network, no token") : "token required";
                LogServing(config.Images.Count, server.Address, layout, config.Format.Version, cache, access);
            }
        }
        catch
        {
            _session = null;
            await session.DisposeAsync();
            throw;
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_session is { } session)
        {
            await session.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await _session!.RunAsync(stoppingToken) is { } ending)
        {
            // Nobody asked it to stop (an outside umount, a lost connection): a failure, so a service manager
            // restarts the daemon.
            LogMountEnded(ending.Reason);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Serving {Count} slide folders at {MountPoint} (layout {Layout}, zarr v{ZarrFormat}, cache {Cache}); Ctrl+C or SIGTERM unmounts")]
    private partial void LogMounted(int count, string mountPoint, string layout, int zarrFormat, string cache);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Serving {Count} slide folders over HTTP and WebDAV at {Address} (layout {Layout}, zarr v{ZarrFormat}, cache {Cache}; {Access}); Ctrl+C or SIGTERM stops")]
    private partial void LogServing(int count, string address, string layout, int zarrFormat, string cache, string access);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The mount ended by itself: {Reason}")]
    private partial void LogMountEnded(string reason);
}
