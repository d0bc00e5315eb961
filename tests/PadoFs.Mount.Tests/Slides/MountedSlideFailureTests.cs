using PadoFs.Mount.Caching;
using PadoFs.Mount.Tree;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Slides;

/// <summary>A slide whose file is broken fails once, is remembered, and is not parsed again on every access.</summary>
[Trait("Category", "Fast")]
public sealed class MountedSlideFailureTests
{
    [Fact]
    public void A_truncated_tiff_fails_its_folder_with_the_reason_once_however_often_it_is_looked_at()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("cut.svs");
        File.WriteAllBytes(path, File.ReadAllBytes(SharedSlides.PathOf("cmu-1-small-region.svs"))[..100_000]);
        using var cache = new ChunkCache(CacheBudget.Floor, prefetchWorkers: 0);
        var (registry, tree) = OneSlideMount.Of(cache, path);

        var errors = Enumerable.Range(0, 3).Select(_ => Assert.Throws<MountFailureException>(() => ((MountDirectory)tree.Resolve("/slide.zarr")!).Children)).ToList();

        Assert.All(errors, error => Assert.Contains("broken TIFF structure", error.Message, StringComparison.Ordinal));
        Assert.All(errors, error => Assert.Equal(MountFailureKind.ReadFailed, error.Kind));
        Assert.Equal(1, registry.Errors.Count);
        var logged = Assert.Single(registry.Errors.Snapshot());
        Assert.Equal(("slide.zarr", "open"), (logged.Folder, logged.Operation));
        Assert.Contains("cut.svs", logged.Message, StringComparison.Ordinal);
    }
}
