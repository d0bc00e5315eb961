using PadoFs.Mount.Caching;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Slides;

/// <summary>Given a mounted slide whose file changes on disk, the mount serves the version it opened or fails, never a mix.</summary>
[Trait("Category", "Fast")]
public sealed class SlideFileChangeTests
{
    [Fact]
    public void A_slide_whose_file_was_replaced_fails_every_read_after_and_is_reported_once()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.tiff");
        File.Copy(SharedSlides.PathOf("boxes.tiff"), path);
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var (registry, tree) = OneSlideMount.Of(cache, path);
        var cached = OneSlideMount.Read(tree, "/slide.zarr/0/0.0.0");
        Assert.NotEmpty(cached);

        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), folder.File("other"));
        File.Move(folder.File("other"), path, overwrite: true);

        var failure = Assert.Throws<MountFailureException>(() => OneSlideMount.Read(tree, "/slide.zarr/0/1.1.0"));
        Assert.Equal(MountFailureKind.ReadFailed, failure.Kind);
        Assert.Contains("replaced by another file", failure.Message, StringComparison.Ordinal);

        // Also what was decoded before: the slide is one version, and that version is gone.
        Assert.Throws<MountFailureException>(registry.Slides[0].ThrowIfChanged);
        Assert.Throws<MountFailureException>(() => OneSlideMount.Read(tree, "/slide.zarr/0/0.0.0"));
        Assert.Throws<MountFailureException>(() => OneSlideMount.Read(tree, "/slide.zarr/1/0.0.0"));
        var reported = Assert.Single(registry.Errors.Snapshot());
        Assert.Equal("changed", reported.Operation);
        Assert.Equal(1, registry.Errors.Count);
    }

    [Fact]
    public void A_slide_closed_while_idle_does_not_reopen_another_file_put_in_its_place()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.tiff");
        File.Copy(SharedSlides.PathOf("boxes.tiff"), path);
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var (registry, tree) = OneSlideMount.Of(cache, path, idle: TimeSpan.FromMilliseconds(20));
        OneSlideMount.Read(tree, "/slide.zarr/0/0.0.0");
        Thread.Sleep(50);
        Assert.Equal(1, registry.CloseIdle());

        File.Delete(path);
        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), path);

        Assert.Throws<MountFailureException>(() => OneSlideMount.Read(tree, "/slide.zarr/0/1.1.0"));
        Assert.Throws<MountFailureException>(registry.Slides[0].ThrowIfChanged);
        Assert.Equal(0, registry.OpenCount);
    }

    [Fact]
    public void A_missing_slide_file_is_a_failure_of_kind_not_found()
    {
        using var folder = new TemporaryDirectory();
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var (_, tree) = OneSlideMount.Of(cache, folder.File("absent.svs"));

        var failure = Assert.Throws<MountFailureException>(() => tree.Resolve("/slide.zarr/.zgroup"));

        Assert.Equal(MountFailureKind.NotFound, failure.Kind);
    }
}
