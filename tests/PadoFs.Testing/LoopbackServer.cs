using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PadoFs.Testing;

/// <summary>
/// A server process of the test's own on a free loopback port, started and stopped by the test (never a system
/// service), and startable again on the same port.
/// </summary>
public abstract class LoopbackServer : IDisposable
{
    private Process? _process;

    protected LoopbackServer()
    {
        Port = FreeLoopbackPort();
    }

    public int Port { get; }

    public Uri BaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    public Uri UrlOf(string path) => new(BaseUrl, path);

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = StartInfo();
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        WaitUntil(accepting: true);
    }

    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
        WaitUntil(accepting: false);
    }

    public void Dispose()
    {
        Stop();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The command that runs the server in the foreground on <see cref="Port"/>.</summary>
    protected abstract ProcessStartInfo StartInfo();

    /// <summary>What the server logged of its own failure, for a message when it does not start.</summary>
    protected virtual string FailureLog() => string.Empty;

    protected virtual void Dispose(bool disposing)
    {
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntil(bool accepting)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (accepting && _process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"{exited.StartInfo.FileName} exited {exited.ExitCode}: {exited.StandardError.ReadToEnd()} {FailureLog()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                if (accepting)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                if (!accepting)
                {
                    return;
                }
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"the server on port {Port} did not {(accepting ? "start" : "stop")} within 20 s. {FailureLog()}");
    }
}
