using Microsoft.Extensions.Logging.Abstractions;
using PadoFs.Images.Records;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Slides;
using PadoFs.Mount.Status;
using PadoFs.Mount.Tree;
using PadoFs.Testing;
using PadoFs.Zarr;

namespace PadoFs.Mount.Tests.Slides;

/// <summary>Given a mount's images, slides open on first access, close when idle or crowded out, and reopen on demand.</summary>
[Trait("Category", "Fast")]
public sealed class SlideRegistryTests
{
    [Fact]
    public void The_tree_lists_every_image_folder_without_opening_a_slide()
    {
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var registry = Registry(cache, maxOpen: 8, idle: TimeSpan.FromMinutes(5), ["site", "a", "cmu"], ["site", "b", "boxes"], ["small"]);
        var tree = Build(registry, cache);

        Assert.Equal([".padofs", "site", "small.zarr"], tree.Root.Children.Select(c => c.Name));
        Assert.IsType<SlideFolder>(tree.Resolve("/site/a/cmu.zarr"));
        Assert.IsType<LiveFile>(tree.Resolve("/.padofs/stats.json"));
        Assert.Null(tree.Resolve("/site/c"));
        Assert.Equal(0, registry.OpenCount);
    }

    [Fact]
    public void Opening_more_slides_than_allowed_closes_the_least_recently_used_idle_one()
    {
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var registry = Registry(cache, maxOpen: 2, idle: TimeSpan.FromMinutes(5), ["cmu"], ["boxes"], ["small"]);
        var tree = Build(registry, cache);

        Read(tree, "/cmu.zarr/0/0.0.0");
        Thread.Sleep(20);
        Read(tree, "/boxes.zarr/0/0.0.0");
        Thread.Sleep(20);
        Read(tree, "/small.zarr/0/0.0.0");

        Assert.Equal(2, registry.OpenCount);
        Assert.False(registry.Slides[0].IsOpen);
        Assert.True(registry.Slides[2].IsOpen);
    }

    [Fact]
    public async Task Slides_opening_at_once_beyond_the_bound_never_wait_for_each_other()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
            var registry = Registry(cache, maxOpen: 1, idle: TimeSpan.FromMinutes(5), ["cmu"], ["boxes"], ["small"], ["later", "small"]);
            var atOnce = registry.Slides.Take(3).ToArray();
            using var start = new Barrier(atOnce.Length);
            var opening = atOnce.Select(slide => Task.Run(() =>
            {
                start.SignalAndWait();
                return slide.GetStore();
            })).ToArray();

            await Task.WhenAll(opening).WaitAsync(TimeSpan.FromSeconds(30));

            // Openings that overlap may each find the others busy and keep them open for now; once they are done,
            // nothing of theirs may stay borrowed, so the next opening brings the count back to the bound.
            registry.Slides[3].GetStore();
            Assert.Equal(1, registry.OpenCount);
            Assert.True(registry.Slides[3].IsOpen);
        }
    }

    [Fact]
    public void An_idle_slide_is_closed_and_its_next_decode_reopens_it_with_the_same_bytes()
    {
        using var cache = new ChunkCache(budgetBytes: 0, prefetchWorkers: 0);
        var registry = Registry(cache, maxOpen: 8, idle: TimeSpan.FromMilliseconds(50), ["boxes"]);
        var tree = Build(registry, cache);
        var first = Read(tree, "/boxes.zarr/1/1.2.0");

        Thread.Sleep(100);
        Assert.Equal(1, registry.CloseIdle());
        Assert.Equal(0, registry.OpenCount);

        // The chunk read before is still cached and needs no slide; the next one is decoded from the reopened slide.
        Assert.Equal(first, Read(tree, "/boxes.zarr/1/1.2.0"));
        Assert.Equal(0, registry.OpenCount);
        var other = Read(tree, "/boxes.zarr/1/0.0.0");
        Assert.Equal(1, registry.OpenCount);

        Thread.Sleep(100);
        registry.CloseIdle();
        cache.Dispose();
        using var fresh = new ChunkCache(budgetBytes: 0, prefetchWorkers: 0);
        Assert.Equal(other, Read(Build(Registry(fresh, maxOpen: 8, idle: TimeSpan.FromMinutes(5), ["boxes"]), fresh), "/boxes.zarr/1/0.0.0"));
    }

    [Fact]
    public void A_slide_that_cannot_open_fails_its_folder_alone_and_is_listed_in_errors()
    {
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var config = Config(maxOpen: 8, idle: TimeSpan.FromMinutes(5),
            new MountedImage(0, new ImageRecord { Urlpath = SharedSlides.PathOf("broken.svs") }, ["broken.zarr"]),
            new MountedImage(1, new ImageRecord { Urlpath = SharedSlides.PathOf("small.svs") }, ["small.zarr"]));
        var registry = new SlideRegistry(config, cache, NullLogger.Instance);
        var tree = Build(registry, cache);

        var error = Assert.Throws<MountFailureException>(() => ((MountDirectory)tree.Resolve("/broken.zarr")!).Children);
        Assert.Equal(MountFailureKind.ReadFailed, error.Kind);
        Assert.Contains("broken.svs", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(Read(tree, "/small.zarr/0/0.0.0"));
        var logged = Assert.Single(registry.Errors.Snapshot());
        Assert.Equal("broken.zarr", logged.Folder);
        Assert.Equal("open", logged.Operation);
    }

    [Fact]
    public void A_level_folder_is_listed_once_and_the_same_listing_served_again()
    {
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var registry = Registry(cache, maxOpen: 8, idle: TimeSpan.FromMinutes(5), ["cmu"]);
        var level = (MountDirectory)Build(registry, cache).Resolve("/cmu.zarr/0")!;

        var first = level.Children;
        var second = level.Children;

        Assert.Equal(2 + (13 * 10), first.Count);
        Assert.Same(first, second);
        Assert.Equal(["0.0.0", "0.1.0"], first.Skip(2).Take(2).Select(child => child.Name));
    }

    [Fact]
    public void In_the_ome_ngff_layout_nested_chunk_keys_are_folders_of_the_tree()
    {
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var config = Config(maxOpen: 8, idle: TimeSpan.FromMinutes(5), new MountedImage(0, new ImageRecord { Urlpath = SharedSlides.PathOf("cmu-1-small-region.svs") }, ["cmu.zarr"])) with { Layout = ZarrLayout.OmeNgff };
        var tree = Build(new SlideRegistry(config, cache, NullLogger.Instance), cache);

        var level = Assert.IsAssignableFrom<MountDirectory>(tree.Resolve("/cmu.zarr/0"));
        Assert.Equal([".zarray", ".zattrs", "0"], level.Children.Select(child => child.Name));
        var rows = Assert.IsAssignableFrom<MountDirectory>(tree.Resolve("/cmu.zarr/0/0"));
        Assert.Equal(13, rows.Children.Count);
        Assert.All(rows.Children, row => Assert.IsAssignableFrom<MountDirectory>(row));
        var columns = Assert.IsAssignableFrom<MountDirectory>(tree.Resolve("/cmu.zarr/0/0/12"));
        Assert.Equal(10, columns.Children.Count);
        Assert.Same(columns, tree.Resolve("/cmu.zarr/0/0/12"));
        Assert.Equal(3 * 240 * 240, Read(tree, "/cmu.zarr/0/0/12/9").Length);
        Assert.Null(tree.Resolve("/cmu.zarr/0/0.12.9"));
        Assert.Null(tree.Resolve("/cmu.zarr/0/0/13"));
    }

    private static byte[] Read(MountTree tree, string path)
    {
        var file = Assert.IsAssignableFrom<MountFile>(tree.Resolve(path));
        var bytes = new byte[file.Length];
        Assert.Equal(bytes.Length, file.Read(0, bytes));
        return bytes;
    }

    private static MountTree Build(SlideRegistry registry, ChunkCache cache)
    {
        var statistics = new MountStatistics();
        return MountTreeBuilder.Build(registry, statistics, new MountStatusDocuments(statistics, cache, registry));
    }

    private static SlideRegistry Registry(ChunkCache cache, int maxOpen, TimeSpan idle, params string[][] imageIds)
    {
        var slides = new Dictionary<string, string> { ["cmu"] = "cmu-1-small-region.svs", ["boxes"] = "boxes.tiff", ["small"] = "small.svs" };
        var images = imageIds.Select((id, index) => new MountedImage(
            index,
            new ImageRecord { Urlpath = SharedSlides.PathOf(slides[id[^1]]), ImageId = id },
            [.. id[..^1], id[^1] + ".zarr"])).ToArray();
        return new SlideRegistry(Config(maxOpen, idle, images), cache, NullLogger.Instance);
    }

    private static MountConfig Config(int maxOpen, TimeSpan idle, params MountedImage[] images) =>
        new("padofs.json", "/mnt/unused", ZarrLayout.Pado, null, false, maxOpen, idle, images);
}
