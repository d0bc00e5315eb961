using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// A running <c>padofs serve</c> on a free loopback port, over a config written for the test. Disposing it always
/// leaves no process behind: SIGTERM first, then SIGKILL.
/// </summary>
internal sealed partial class ServingDaemon : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _log = new();
    private readonly TemporaryDirectory _folder = new();
    private readonly Process _process;

    private ServingDaemon(object config)
    {
        var path = _folder.File("padofs.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        _process = PadofsCommand.Start(["serve", path, "--listen", "http://127.0.0.1:0"]);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>The URL the server listens at, as its log announces it (no trailing slash).</summary>
    public string Address { get; private set; } = string.Empty;

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

    /// <summary>Serves these image records in <paramref name="layout"/>, readable across origins from <paramref name="origins"/>.</summary>
    public static ServingDaemon Start(IEnumerable<object> images, string layout, IReadOnlyList<string> origins)
    {
        var daemon = new ServingDaemon(new { layout, http = new { origins }, images });
        try
        {
            daemon.WaitUntilServing();
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Signals.Stop(_process);
        }
        finally
        {
            _process.Dispose();
            _folder.Dispose();
        }
    }

    private void WaitUntilServing()
    {
        var clock = Stopwatch.StartNew();
        Match serving;
        while (!(serving = ServingLine().Match(Log)).Success)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"padofs serve exited with {_process.ExitCode} before serving. Log:\n{Log}");
            }

            if (clock.Elapsed > s_startTimeout)
            {
                throw new TimeoutException($"padofs serve did not serve within {s_startTimeout.TotalSeconds} s. Log:\n{Log}");
            }

            Thread.Sleep(50);
        }

        Address = serving.Groups["address"].Value.TrimEnd('/');
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

    [GeneratedRegex(@"over HTTP and WebDAV at (?<address>http://\S+) ")]
    private static partial Regex ServingLine();
}
