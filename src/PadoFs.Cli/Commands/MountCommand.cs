using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using System.Runtime.InteropServices;
using PadoFs.Cli.Daemon;
using PadoFs.Mount.Configuration;

namespace PadoFs.Cli.Commands;

/// <summary>
/// <c>padofs mount CONFIG [--mountpoint DIR]</c>: the daemon, in the foreground until SIGINT or SIGTERM, then
/// unmounted cleanly with exit code 0. A broken config exits non-zero before mounting, listing every problem.
/// </summary>
internal static class MountCommand
{
    public const int ConfigProblem = 2;

    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "The mount config (JSON)." };
        var mountPoint = new Option<string?>("--mountpoint") { Description = "Mount here instead of the config's mountPoint.", HelpName = "DIR" };
        var command = new Command("mount", "Mount the slides of a config as zarr folders, in the foreground until Ctrl+C or SIGTERM.") { config, mountPoint };
        command.SetAction(result => Run(result.GetValue(config)!, result.GetValue(mountPoint)));
        return command;
    }

    private static int Run(string configPath, string? mountPoint)
    {
        MountConfig config;
        try
        {
            config = MountConfigLoader.Load(configPath, mountPoint);
        }
        catch (MountConfigException e)
        {
            Console.Error.WriteLine($"padofs: {e.Message}");
            return ConfigProblem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
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

        // A failed start is reported below in one line; the host would log it again with its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSystemd();
        builder.Services.AddSingleton(config);
        builder.Services.AddHostedService<MountService>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
        using var host = builder.Build();

        // systemd's lifetime listens to SIGTERM only; SIGINT (Ctrl+C under systemd-run, systemctl kill -s INT)
        // must unmount just the same.
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
            // Mounting failed (mount point refused, libfuse missing or failing, ...): one line, never a stack.
            Console.Error.WriteLine($"padofs: {e.Message}");
            return 1;
        }

        return Environment.ExitCode;
    }
}
