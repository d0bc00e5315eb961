using Microsoft.Extensions.Logging.Abstractions;
using PadoFs.Images.Records;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Slides;
using PadoFs.Mount.Status;
using PadoFs.Mount.Tree;
using PadoFs.Zarr;

namespace PadoFs.Mount.Tests.Slides;

/// <summary>The tree of a mount of one slide file, as the daemon builds it, at <c>/slide.zarr</c>.</summary>
internal static class OneSlideMount
{
    public static (SlideRegistry Registry, MountTree Tree) Of(ChunkCache cache, string path, TimeSpan? idle = null)
    {
        var image = new MountedImage(0, new ImageRecord { Urlpath = path }, ["slide.zarr"]);
        var config = new MountConfig("padofs.json", "/mnt/unused", ZarrLayout.Pado, null, false, 8, idle ?? TimeSpan.FromMinutes(5), [image]);
        var registry = new SlideRegistry(config, cache, NullLogger.Instance);
        var statistics = new MountStatistics();
        return (registry, MountTreeBuilder.Build(registry, statistics, new MountStatusDocuments(statistics, cache, registry)));
    }

    /// <summary>The whole file at <paramref name="path"/>.</summary>
    public static byte[] Read(MountTree tree, string path)
    {
        var file = Assert.IsAssignableFrom<MountFile>(tree.Resolve(path));
        var bytes = new byte[file.Length];
        Assert.Equal(bytes.Length, file.Read(0, bytes));
        return bytes;
    }
}
