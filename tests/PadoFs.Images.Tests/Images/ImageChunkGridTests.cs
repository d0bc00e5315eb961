using PadoFs.Images.Geometry;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>How a level is cut into chunks: by its stored tiles or strips, unless they are too big to serve one at a time.</summary>
[Trait("Category", "Oracles")]
public sealed class ImageChunkGridTests
{
    [Fact]
    public void Strips_are_chunks_with_their_stored_sizes()
    {
        using var image = new Image(SharedSlides.PathOf("smalltif.tif")).Open();

        var level = image.Levels[0];

        Assert.Equal((640, 9), (level.ChunkWidth, level.ChunkHeight));
        Assert.Equal((54, 1), (level.ChunkRows, level.ChunkColumns));
        Assert.All(image.GetChunkSizes(0).Cast<long>(), size => Assert.True(size > 0));
    }

    [Fact]
    public void A_level_stored_in_one_huge_strip_is_cut_into_512_pixel_chunks_of_unknown_stored_size()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("one-strip.tif");
        Python.RunCode(
            "import sys, numpy, tifffile; y, x = numpy.mgrid[0:4200, 0:4100]; "
            + "data = numpy.stack([(x % 251), (y % 241), ((x + y) % 239)], axis=-1).astype(numpy.uint8); "
            + "tifffile.imwrite(sys.stdin.read().strip(), data, rowsperstrip=4200, photometric='rgb')",
            path);
        using var image = new Image(path).Open();

        var level = image.Levels[0];
        var chunk = new byte[512 * 512 * 3];
        image.ReadChunk(0, 2, 3, chunk);
        var region = image.GetArray(new IntPoint(3 * 512, 2 * 512), new IntSize(512, 512), 0);

        Assert.Equal((512, 512), (level.ChunkWidth, level.ChunkHeight));
        Assert.All(image.GetChunkSizes(0).Cast<long>(), size => Assert.Equal(-1, size));
        Assert.Equal(region.Data, chunk);
        Assert.Equal((byte)((3 * 512) % 251), chunk[0]);
        Assert.Equal((byte)((2 * 512) % 241), chunk[1]);
    }
}
