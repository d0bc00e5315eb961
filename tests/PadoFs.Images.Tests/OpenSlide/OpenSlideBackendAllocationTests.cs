using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>A region read allocates no managed memory that grows with its size: the ARGB buffer is pooled.</summary>
[Trait("Category", "Fast")]
public sealed class OpenSlideBackendAllocationTests
{
    [Fact]
    public void Reading_a_whole_level_allocates_nothing_per_pixel()
    {
        using var backend = OpenSlideBackend.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));
        var level = backend.Levels[0];
        var (width, height) = ((int)level.Width, (int)level.Height);
        var destination = new byte[width * height * 3];
        Assert.True(width * height > OpenSlideBackend.DefaultBufferBytes / sizeof(uint), "the level should need more than one band");

        // The first read fills the pool and compiles the code; the second shows the steady state.
        backend.ReadRegion(0, 0, 0, width, height, destination);
        var before = GC.GetAllocatedBytesForCurrentThread();
        backend.ReadRegion(0, 0, 0, width, height, destination);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 1024 * 1024);
    }
}
