using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Session;
using PadoFs.Testing;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>A session of shared slides, loaded from a config file as the mount command loads it, served by a <see cref="WinFspVolume"/>.</summary>
internal sealed class SlideVolume : IAsyncDisposable
{
    private readonly TemporaryDirectory _folder;

    private SlideVolume(TemporaryDirectory folder, MountSession session)
    {
        _folder = folder;
        Session = session;
        Volume = new WinFspVolume(session.Tree, WinFspVolume.DefaultLabel);
    }

    public MountSession Session { get; }

    public WinFspVolume Volume { get; }

    public static SlideVolume Of(params string[] slides)
    {
        var folder = new TemporaryDirectory();
        var path = folder.File("padofs.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { images = slides.Select(name => new { urlpath = SharedSlides.PathOf(name) }) }));
        var config = MountConfigLoader.Load(path, purpose: MountPurpose.Serve);
        return new SlideVolume(folder, new MountSession(config, NullLogger.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        _folder.Dispose();
    }
}
