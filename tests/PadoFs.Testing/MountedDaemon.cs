using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PadoFs.Testing;

/// <summary>
/// A running <c>padofs mount</c> (or <c>padofs serve</c>) daemon over a config written for the test, or over pado dataset
/// folders given with <c>--dataset</c>, in a folder of its own. Disposing it always leaves no mount and no process
/// behind: SIGTERM first, then SIGKILL and a lazy unmount.
/// </summary>
public sealed partial class MountedDaemon : IDisposable
{
    /// <summary>An <c>http</c> section on a free loopback port, which the daemon names in its log.</summary>
    public static readonly object AnyLoopbackPort = new { listen = "http://127.0.0.1:0" };

    private readonly StringBuilder _log = new();
    private readonly TemporaryDirectory _folder = new();

    private MountedDaemon(
        string command,
        object? config,
        IReadOnlyList<string> datasets,
        IReadOnlyDictionary<string, string>? environment,
        IReadOnlyList<string>? launcher,
        string? workingFolder = null)
    {
        MountPoint = Path.Combine(_folder.Path, "mnt");
        Directory.CreateDirectory(MountPoint);
        List<string> arguments = [command];
        if (config is not null)
        {
            ConfigPath = _folder.File("padofs.json");
            File.WriteAllText(ConfigPath, JsonSerializer.Serialize(config));
            arguments.Add(ConfigPath);
        }

        if (command == "mount")
        {
            arguments.AddRange(["--mountpoint", MountPoint]);
        }

        foreach (var dataset in datasets)
        {
            arguments.AddRange(["--dataset", dataset]);
        }

        Process = PadofsCommand.Start(arguments, environment, launcher, workingFolder);
        Process.ErrorDataReceived += (_, line) => Append(line.Data);
        Process.OutputDataReceived += (_, line) => Append(line.Data);
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
    }

    public string MountPoint { get; }

    /// <summary>The config the daemon was started on, or null when it mounts only <c>--dataset</c> folders.</summary>
    public string? ConfigPath { get; }

    public Process Process { get; }

    /// <summary>The URL the daemon serves HTTP at (with the port it was given), or null when it serves none.</summary>
    public Uri? HttpAddress { get; private set; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the daemon on these image records and waits until the mount is served.</summary>
    /// <param name="launcher">a command that runs the daemon (<c>setpriv</c> with its arguments), or null.</param>
    public static MountedDaemon Start(
        IEnumerable<object> images,
        string layout = "pado",
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? launcher = null)
    {
        var daemon = new MountedDaemon("mount", new { layout, images }, [], environment, launcher);
        return daemon.WaitUntil(mounted: true, serving: false);
    }

    /// <summary>
    /// Starts <c>padofs mount --dataset DIR...</c>, with no config, in <paramref name="workingFolder"/> (what relative
    /// dataset folders and urlpaths are relative to), and waits until the mount is served.
    /// </summary>
    public static MountedDaemon StartDatasets(IReadOnlyList<string> datasets, string workingFolder, IReadOnlyDictionary<string, string>? environment = null) =>
        new MountedDaemon("mount", config: null, datasets, environment, launcher: null, workingFolder).WaitUntil(mounted: true, serving: false);

    /// <summary>Starts the daemon on <paramref name="config"/> (an object with images, an http section, a cache...) and
    /// waits until it serves: mounted for <c>mount</c>, listening for <c>serve</c> and for a mount config with http.</summary>
    public static MountedDaemon Start(string command, object config)
    {
        var daemon = new MountedDaemon(command, config, [], environment: null, launcher: null);
        var serving = command == "serve" || JsonSerializer.SerializeToElement(config).TryGetProperty("http", out _);
        return daemon.WaitUntil(mounted: command == "mount", serving);
    }

    /// <summary>Runs <c>padofs serve</c> on these image records, on a free loopback port.</summary>
    public static MountedDaemon Serve(IEnumerable<object> images, string layout = "pado") =>
        Start("serve", new { layout, http = AnyLoopbackPort, images });

    /// <summary>The URL of <paramref name="relative"/> on the daemon's HTTP server.</summary>
    public string UrlOf(string relative) => new Uri(HttpAddress ?? throw new InvalidOperationException("The daemon serves no HTTP."), relative).ToString();

    /// <summary>True once the log holds <paramref name="text"/>: the daemon's output arrives through a pipe, after the failure it reports.</summary>
    public bool WaitForLog(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    public string PathOf(string relative) => Path.Combine(MountPoint, relative);

    /// <summary>Sends SIGTERM and waits for the daemon to exit; returns its exit code and how long it took.</summary>
    public (int ExitCode, TimeSpan Took) Terminate(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Signals.Send(Process, "TERM");
        if (!Process.WaitForExit(timeout))
        {
            throw new TimeoutException($"padofs did not exit within {timeout} of SIGTERM. Log:\n{Log}");
        }

        Process.WaitForExit();
        return (Process.ExitCode, clock.Elapsed);
    }

    public void Dispose()
    {
        try
        {
            Signals.Stop(Process);
        }
        finally
        {
            MountTable.ForceUnmount(MountPoint);
            Process.Dispose();
            _folder.Dispose();
        }
    }

    private MountedDaemon WaitUntil(bool mounted, bool serving)
    {
        try
        {
            var deadline = Stopwatch.StartNew();
            while ((mounted && !MountTable.IsMounted(MountPoint)) || (serving && !FoundHttpAddress()))
            {
                if (Process.HasExited)
                {
                    Process.WaitForExit();
                    throw new InvalidOperationException($"padofs exited with {Process.ExitCode} before serving. Log:\n{Log}");
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"padofs did not serve within 30 s. Log:\n{Log}");
                }

                Thread.Sleep(50);
            }

            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private bool FoundHttpAddress()
    {
        if (ServingAt().Match(Log) is { Success: true } match)
        {
            HttpAddress = new Uri(match.Groups[1].Value + "/");
        }

        return HttpAddress is not null;
    }

    [GeneratedRegex(@"over HTTP and WebDAV at (http://[^ ]+) ")]
    private static partial Regex ServingAt();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
