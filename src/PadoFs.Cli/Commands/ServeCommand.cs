using System.CommandLine;
using PadoFs.Cli.Daemon;
using PadoFs.Mount.Configuration;

namespace PadoFs.Cli.Commands;

/// <summary>
/// <c>padofs serve CONFIG [--listen URL]</c>: the tree a mount shows, over HTTP and read-only WebDAV and without FUSE,
/// in the foreground until SIGINT or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static string Details { get; } = $$"""
        The config is the one padofs mount takes (see padofs mount --help); its mountPoint is not used. Its "http"
        section says how to serve, and padofs mount serves the same when a config has one, next to the FUSE mount and
        from the same cache:
          "http": {
            "listen": "http://127.0.0.1:8080",        // the default; --listen URL overrides it; port 0 takes a free port
            "origins": ["https://viewer.example.org"], // browser pages allowed to read across origins (CORS); "*" for any
            "token": "a-long-random-secret"           // then every request needs it, as Authorization: Bearer TOKEN or
          }                                           // as the password of Basic (any user name), for WebDAV clients
          Only this machine can connect unless the address is another one (0.0.0.0 for every interface); give a token
          with such an address. Plain HTTP only: put a TLS proxy in front for other machines.
          Environment: {{string.Join("  ", MountSettings.Keys.Where(key => key.StartsWith("http:", StringComparison.Ordinal)).Select(MountSettings.EnvironmentVariable))}}
          (PADOFS__HTTP__ORIGINS takes the origins separated by commas).

        What is served:
          GET and HEAD of every file, with its exact Content-Length, single byte ranges (206; 416 past the end), ETag
          (from the slide file's device, inode, size and modification time, the layout and the path), Last-Modified,
          If-None-Match (304), If-Range; a folder is an HTML index, or JSON with Accept: application/json.
          WebDAV class 1, read only: OPTIONS (DAV: 1), PROPFIND at depth 0 and 1 (depth infinity: 403); PUT, DELETE,
          MKCOL, MOVE, COPY, PROPPATCH, LOCK, UNLOCK and POST answer 405.
          A slide that cannot be read answers 502 (404 for a missing file, 403 for one the daemon may not read) with
          a one-line reason, for its own requests only. Each request is logged (PadoFs.Http.Access, Information).

        Examples:
          padofs serve slides.json                                  # http://127.0.0.1:8080/
          python3 -c 'import zarr; print(zarr.open_group("http://127.0.0.1:8080/slide.svs.zarr", mode="r")["0"])'
          mount -t davfs -o ro http://127.0.0.1:8080/ /mnt/dav        # davfs2; needs buf_size 64 in davfs2.conf on 6.x kernels
          PADOFS__HTTP__TOKEN=$(openssl rand -hex 16) padofs serve slides.json --listen http://0.0.0.0:8080

        Exit status: 0 once SIGINT or SIGTERM stopped it; 2 for a broken config, before serving, every problem
        listed; 1 when the address cannot be listened at or the server stops by itself.
        """;

    public static Command Create()
    {
        var config = new Argument<string>("config") { Description = "The mount config: a JSON file, as padofs mount takes." };
        var listen = new Option<string?>("--listen") { Description = "Listen here instead of the config's http.listen (default http://127.0.0.1:8080).", HelpName = "URL" };
        var command = new Command("serve", "Serve the slides of a config over HTTP and read-only WebDAV, in the foreground until Ctrl+C or SIGTERM.") { config, listen };
        command.SetAction(result =>
        {
            var path = result.GetValue(config)!;
            var address = result.GetValue(listen);
            return DaemonHost.Run(path, () => MountConfigLoader.Load(path, purpose: MountPurpose.Serve, listenOverride: address));
        });
        return command;
    }
}
