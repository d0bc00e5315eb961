using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Session;
using PadoFs.Mount.Tree;
using PadoFs.Testing;

namespace PadoFs.Http.Tests;

/// <summary>
/// A session of shared slides served by a real Kestrel server on a free loopback port, as <c>padofs serve</c> runs it,
/// with a client for it. The config is written to a file and loaded as the command loads it.
/// </summary>
internal sealed class ServedTree : IAsyncDisposable
{
    public static readonly string[] GoodSlides =
        ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif", "qupath-cells-2c.ome.tif", "qupath-cells.ome.tif", "test_orient3.tif"];

    public static readonly string[] BadSlides = ["broken.svs", "unopenable.tiff", "unreadable.svs"];

    private readonly TemporaryDirectory _folder;

    private ServedTree(TemporaryDirectory folder, MountSession session, HttpServer server)
    {
        _folder = folder;
        Session = session;
        Server = server;
        Client = new HttpClient { BaseAddress = new Uri(server.Address) };
    }

    public MountSession Session { get; }

    public HttpServer Server { get; }

    public HttpClient Client { get; }

    public string Url(string path) => Server.Address + path;

    /// <summary>Serves every good and bad shared slide in <paramref name="layout"/>.</summary>
    public static async Task<ServedTree> StartAsync(string layout = "pado", string? token = null, string[]? origins = null)
    {
        var folder = new TemporaryDirectory();
        var images = GoodSlides.Concat(BadSlides).Select(name => new { urlpath = SharedSlides.PathOf(name) });
        var http = new Dictionary<string, object> { ["listen"] = "http://127.0.0.1:0" };
        if (token is not null)
        {
            http["token"] = token;
        }

        if (origins is not null)
        {
            http["origins"] = origins;
        }

        var path = folder.File("padofs.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { layout, http, images }));
        var config = MountConfigLoader.Load(path, purpose: MountPurpose.Serve);
        var session = new MountSession(config, NullLogger.Instance);
        var server = session.Attach(await HttpServer.StartAsync(session, config.Http!, NullLoggerFactory.Instance));
        return new ServedTree(folder, session, server);
    }

    /// <summary>The bytes of the tree's file at <paramref name="path"/>, read in process.</summary>
    public byte[] ReadInProcess(string path)
    {
        var file = Assert.IsAssignableFrom<MountFile>(Session.Tree.Resolve(path));
        var bytes = new byte[file.Length];
        Assert.Equal(bytes.Length, file.Read(0, bytes));
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Session.DisposeAsync();
        _folder.Dispose();
    }
}
