using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PadoFs.Mount.Configuration;

namespace PadoFs.Cli.Daemon;

/// <summary>
/// Runs the daemon of <c>padofs mount</c> and <c>padofs serve</c> in the foreground: loads the config (a broken one
/// exits 2 before anything is served, every problem listed), then hosts <see cref="MountService"/> until SIGINT or
/// SIGTERM (exit 0), a failed start (exit 1, one line) or an adapter ending by itself (exit 1).
/// </summary>
internal static partial class DaemonHost
{
    public const int ConfigProblem = 2;

    public static int Run(string configPath, Func<MountConfig> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        MountConfig config;
        try
        {
            config = load();
        }
        catch (MountConfigException e)
        {
            Console.Error.WriteLine($"padofs: {e.Message}");
            return ConfigProblem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Whatever a config holds that the loader did not foresee is still one line about that config.
            Console.Error.WriteLine($"padofs: cannot read config '{configPath}': {e.Message}");
            return ConfigProblem;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A failed start is reported below in one line; the host would log it again with its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSystemd();

        // Started by the Windows service manager, the daemon reports to it and stops when the service is stopped;
        // from a console nothing changes.
        builder.Services.AddWindowsService(options => options.ServiceName = "PadoFs");
        builder.Services.AddSingleton(config);
        builder.Services.AddHostedService<MountService>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
        using var host = builder.Build();
        var configLogger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PadoFs.Cli.Config");
        foreach (var warning in config.Warnings)
        {
            LogConfigWarning(configLogger, config.ConfigPath, warning);
        }

        // systemd's lifetime listens to SIGTERM only; SIGINT (Ctrl+C under systemd-run, systemctl kill -s INT)
        // must stop the daemon just the same.
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            lifetime.StopApplication();
        });
        try
        {
            host.Run();
        }
        catch (Exception e)
        {
            // Starting failed (mount point refused, libfuse missing or failing, address in use, ...): one line, never a stack.
            Console.Error.WriteLine($"padofs: {e.Message}");
            return 1;
        }

        return Environment.ExitCode;
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Config {Path}: {Warning}")]
    private static partial void LogConfigWarning(ILogger logger, string path, string warning);
}
