using System.Globalization;
using PadoFs.Images;
using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// A tile an OpenSlide vendor slide leaves out (byte count 0, as some Aperio scanners write them) shows what
/// openslide-python shows there: the background where nothing lies under it, and at a reduced Aperio level the
/// level above scaled down, also where that level's downsample is not an integer (tcga-cr-7395.svs, 2.001) and
/// the level is wider than one of the 4096-pixel cells OpenSlide splits its reads into.
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
        AssertEveryLevelWithMissingTilesEqualsOpenSlide(SharedSlides.PathOf(slide), tiles);
    }

    /// <summary>
    /// Level 1 is 4399 pixels wide at downsample 2.0002 with 240-pixel tiles: the tiles repainted for level-0 tiles
    /// 34 and 73 are level-1 tile 17, across the cell edge at x 4096, and tile 18, wholly in the second cell.
    /// </summary>
    [Fact]
    public void Given_a_reduced_level_wider_than_one_OpenSlide_cell_when_tiles_are_missing_then_every_level_equals_OpenSlide()
    {
        using var folder = new TemporaryDirectory();
        var source = folder.File("wide.svs");
        Python.RunOracle("wide_aperio_slide.py", source);

        AssertEveryLevelWithMissingTilesEqualsOpenSlide(source, [34, 73]);
    }

    private static void AssertEveryLevelWithMissingTilesEqualsOpenSlide(string source, int[] tiles)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File(Path.GetFileName(source));
        Python.RunOracle("missing_tile_slide.py", [source, path, "0", .. tiles.Select(tile => tile.ToString(CultureInfo.InvariantCulture))]);
        using (var image = new Image(path).Open())
        {
            Assert.Equal("openslide", image.PadoInfo.PadoImageBackend);
            var sizes = image.GetChunkSizes(0);
            Assert.All(tiles, tile => Assert.Equal(0, sizes[tile / sizes.GetLength(1), tile % sizes.GetLength(1)]));
        }

        Assert.True(TifffileAssertions.AssertEveryLevelExportedEqualsTheReference(path, ZarrLayout.Pado) > 0);
    }
}
