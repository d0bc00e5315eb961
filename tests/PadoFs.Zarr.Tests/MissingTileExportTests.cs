using PadoFs.Images;
using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// A tile an OpenSlide vendor slide leaves out (byte count 0, as some Aperio scanners write them) shows what
/// openslide-python shows there: the background where nothing lies under it, and at a reduced Aperio level the
/// level above scaled down, also where that level's downsample is not an integer (tcga-cr-7395.svs, 2.001).
/// </summary>
[Trait("Category", "Oracles")]
public sealed class MissingTileExportTests
{
    [Theory]
    [InlineData("cmu-1-small-region.svs", new[] { 40, 41 })]
    [InlineData("small.svs", new[] { 0 })]
    [InlineData("tcga-cr-7395.svs", new[] { 40, 41 })]
    public void Every_level_of_a_slide_with_missing_tiles_equals_OpenSlide(string slide, int[] tiles)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File(slide);
        Python.RunOracle("missing_tile_slide.py", [SharedSlides.PathOf(slide), path, "0", .. tiles.Select(tile => tile.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using (var image = new Image(path).Open())
        {
            Assert.Equal("openslide", image.PadoInfo.PadoImageBackend);
            var sizes = image.GetChunkSizes(0);
            Assert.All(tiles, tile => Assert.Equal(0, sizes[tile / sizes.GetLength(1), tile % sizes.GetLength(1)]));
        }

        Assert.True(TifffileAssertions.AssertEveryLevelExportedEqualsTheReference(path, ZarrLayout.Pado) > 0);
    }
}
