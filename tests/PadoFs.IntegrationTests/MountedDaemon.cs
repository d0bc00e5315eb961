using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// A running <c>padofs mount</c> daemon over a config written for the test, or over pado dataset folders given
/// with <c>--dataset</c>, in a folder of its own. Disposing it
/// always leaves no mount and no process behind: SIGTERM first, then SIGKILL and a lazy unmount.
/// </summary>
internal sealed class MountedDaemon : IDisposable
{
    private readonly StringBuilder _log = new();
    private readonly TemporaryDirectory _folder = new();

    private MountedDaemon(object? config, IReadOnlyList<string> datasets, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string>? launcher, string? workingFolder)
    {
        MountPoint = Path.Combine(_folder.Path, "mnt");
        Directory.CreateDirectory(MountPoint);
        List<string> arguments = ["mount"];
        if (config is null)
        {
            ConfigPath = "--dataset";
        }
        else
        {
            ConfigPath = _folder.File("padofs.json");
            File.WriteAllText(ConfigPath, JsonSerializer.Serialize(config));
            arguments.Add(ConfigPath);
        }

        arguments.AddRange(["--mountpoint", MountPoint]);

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

    public string ConfigPath { get; }

    public Process Process { get; }

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
        return Mounted(new MountedDaemon(new { layout, images }, [], environment, launcher, workingFolder: null));
    }

    /// <summary>
    /// Starts <c>padofs mount --dataset DIR...</c>, with no config, in <paramref name="workingFolder"/> (what relative
    /// dataset folders and urlpaths are relative to), and waits until the mount is served.
    /// </summary>
    public static MountedDaemon StartDatasets(IReadOnlyList<string> datasets, string workingFolder, IReadOnlyDictionary<string, string>? environment = null) =>
        Mounted(new MountedDaemon(null, datasets, environment, launcher: null, workingFolder));

    private static MountedDaemon Mounted(MountedDaemon daemon)
    {
        try
        {
            daemon.WaitUntilMounted();
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

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
            if (!Process.HasExited)
            {
                Signals.Send(Process, "TERM");
                if (!Process.WaitForExit(TimeSpan.FromSeconds(15)))
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }
        }
        finally
        {
            MountTable.ForceUnmount(MountPoint);
            Process.Dispose();
            _folder.Dispose();
        }
    }

    private void WaitUntilMounted()
    {
        var deadline = Stopwatch.StartNew();
        while (!MountTable.IsMounted(MountPoint))
        {
            if (Process.HasExited)
            {
                Process.WaitForExit();
                throw new InvalidOperationException($"padofs exited with {Process.ExitCode} before mounting. Log:\n{Log}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"padofs did not mount within 30 s. Log:\n{Log}");
            }

            Thread.Sleep(50);
        }
    }

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
