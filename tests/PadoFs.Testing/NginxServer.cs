using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PadoFs.Testing;

/// <summary>
/// Debian's nginx serving a folder on a loopback port, run as the test's user from a configuration of its own (not
/// the system service): byte ranges, strong ETags and If-Match as any static file server gives them. Under
/// <c>/forbidden/</c> it answers 403 and under <c>/failing/</c> 503, whatever the path. Its access log counts the
/// requests the server saw. It can be stopped and started again on the same port.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private const string Executable = "/usr/sbin/nginx";

    private readonly TemporaryDirectory _work = new();
    private Process? _process;

    public NginxServer(string root)
    {
        Root = root;
        Port = FreeLoopbackPort();
        File.WriteAllText(_work.File("nginx.conf"), Configuration());
        Start();
    }

    public string Root { get; }

    public int Port { get; }

    public Uri BaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    public Uri UrlOf(string path) => new(BaseUrl, path);

    /// <summary>The request lines of the access log, oldest first (nginx writes each as its request ends).</summary>
    public IReadOnlyList<string> Requests =>
        File.Exists(_work.File("access.log")) ? File.ReadAllLines(_work.File("access.log")) : [];

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", _work.Path, "-c", _work.File("nginx.conf"), "-e", _work.File("error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Executable}.");
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
        _work.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Configuration()
    {
        // As root, nginx's workers would switch to nobody, who may not read the test's temporary folders.
        var user = Environment.UserName == "root" ? "user root;" : string.Empty;
        var work = _work.Path;
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{work}}/nginx.pid;
            events { worker_connections 128; }
            http {
                access_log {{work}}/access.log;
                client_body_temp_path {{work}}/body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
                types { }
                default_type application/octet-stream;
                server {
                    listen 127.0.0.1:{{Port}};
                    root {{Root}};
                    location /forbidden/ { return 403; }
                    location /failing/ { return 503; }
                }
            }
            """;
    }

    private void WaitUntil(bool accepting)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (accepting && _process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"nginx exited {exited.ExitCode}: {exited.StandardError.ReadToEnd()} {ErrorLog()}");
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

        throw new TimeoutException($"nginx on port {Port} did not {(accepting ? "start" : "stop")} within 10 s. {ErrorLog()}");
    }

    private string ErrorLog() => File.Exists(_work.File("error.log")) ? File.ReadAllText(_work.File("error.log")) : string.Empty;
}
