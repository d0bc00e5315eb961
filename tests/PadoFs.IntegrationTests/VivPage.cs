using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// The viv page of tests/oracles-js/viv, bundled by esbuild and served by Python's own static file server on a loopback
/// port of its own, so the slides it loads from padofs come from another origin and the browser applies CORS.
/// Opened in headless Chromium by the page's driver script; one per test class.
/// </summary>
public sealed partial class VivPage : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory _folder = new();
    private readonly Process _server;

    public VivPage()
    {
        var site = Path.Combine(_folder.Path, "site");
        Node.RunOracle("viv/build.mjs", site);
        var start = new ProcessStartInfo(Python.Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("Cannot start python's http.server.");

        // It logs every request on stderr, and says where it listens on stdout once it does.
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups["origin"].Value);
            }
        };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        if (!listening.Task.Wait(s_startTimeout))
        {
            Dispose();
            throw new TimeoutException($"python's http.server did not say where it listens within {s_startTimeout.TotalSeconds} s.");
        }

        Origin = listening.Task.Result;
    }

    /// <summary>The page's origin (scheme, host and port), the one a server must allow for the page to read it.</summary>
    public string Origin { get; }

    /// <summary>
    /// Opens the page on the OME-Zarr image at <paramref name="source"/> in a <paramref name="width"/> x
    /// <paramref name="height"/> canvas; when viv draws it, the canvas is written to <paramref name="picture"/> as PNG.
    /// </summary>
    public VivRendering Render(string source, int width, int height, string picture)
    {
        var output = Node.RunOracle("viv/render.mjs", Origin + "/index.html", source, Invariant(width), Invariant(height), picture);
        using var json = JsonDocument.Parse(output);
        return new VivRendering(
            json.RootElement.GetProperty("status").GetString()!,
            [.. json.RootElement.GetProperty("console").EnumerateArray().Select(line => line.GetString()!)]);
    }

    public void Dispose()
    {
        try
        {
            if (!_server.HasExited)
            {
                _server.Kill();
                _server.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        finally
        {
            _server.Dispose();
            _folder.Dispose();
        }
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
    [GeneratedRegex(@"\((?<origin>http://[^/]+)/\)")]
    private static partial Regex ListeningLine();
}

/// <summary>How far viv got ("rendered", "failed: reason" or "timeout") and the page's console errors.</summary>
public sealed record VivRendering(string Status, IReadOnlyList<string> Console);
