using System.Diagnostics;

namespace PadoFs.Testing;

/// <summary>
/// Debian's nginx serving a folder on a loopback port from a configuration of its own: byte ranges, strong ETags and
/// If-Match as any static file server gives them. Under <c>/forbidden/</c> it answers 403 and under <c>/failing/</c>
/// 503, whatever the path. Its access log counts the requests the server saw.
/// </summary>
public sealed class NginxServer : LoopbackServer
{
    private const string Executable = "/usr/sbin/nginx";

    private readonly TemporaryDirectory _work = new();

    public NginxServer(string root)
    {
        Root = root;
        File.WriteAllText(_work.File("nginx.conf"), Configuration());
        Start();
    }

    public string Root { get; }

    /// <summary>The request lines of the access log, oldest first (nginx writes each as its request ends).</summary>
    public IReadOnlyList<string> Requests =>
        File.Exists(_work.File("access.log")) ? File.ReadAllLines(_work.File("access.log")) : [];

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(Executable);
        foreach (var argument in new[] { "-p", _work.Path, "-c", _work.File("nginx.conf"), "-e", _work.File("error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    protected override string FailureLog() => File.Exists(_work.File("error.log")) ? File.ReadAllText(_work.File("error.log")) : string.Empty;

    protected override void Dispose(bool disposing)
    {
        _work.Dispose();
        base.Dispose(disposing);
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
}
