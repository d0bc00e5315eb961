using PadoFs.Images.Tests.Codecs;

namespace PadoFs.Images.Tests.Images;

/// <summary>
/// A pyramid libvips converted from an SVS keeps its Aperio description on every page: OpenSlide reads every tiled
/// page as a level, tifffile's SVS layout only page 0. Every level's chunks are still its stored tiles, decoded.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class ConvertedPyramidTests(GeneratedSlides generated) : IClassFixture<GeneratedSlides>
{
    [Fact]
    public void Every_level_is_its_stored_tiles_and_equals_OpenSlides_level_image()
    {
        using var image = new Image(generated.VipsPyramid).Open();
        var pages = TileCodecOracle.TiledPages(generated.VipsPyramid);
        Assert.True(image.Levels.Count > 3, $"only {image.Levels.Count} levels");
        Assert.Equal(pages.Count, image.Levels.Count);
        Assert.Contains(image.Levels, level => level.Downsample != Math.Round(level.Downsample));

        for (var level = 0; level < image.Levels.Count; level++)
        {
            var page = pages[level];
            var grid = image.Levels[level];
            Assert.Equal((page.TileWidth, page.TileHeight), (grid.ChunkWidth, grid.ChunkHeight));
            Assert.Equal(page.ByteCounts, Flatten(image.GetChunkSizes(level)));

            var pixels = TileCodecOracle.Level(generated.VipsPyramid, level);
            var chunk = new byte[grid.ChunkWidth * grid.ChunkHeight * 3];
            for (var tile = 0; tile < page.TileCount; tile++)
            {
                image.ReadChunk(level, tile / page.TilesAcross, tile % page.TilesAcross, chunk);
                pixels.AssertTileEquals(page, tile, chunk, samples: 3);
            }
        }
    }

    private static List<long> Flatten(long[,] sizes)
    {
        var flat = new List<long>(sizes.Length);
        foreach (var size in sizes)
        {
            flat.Add(size);
        }

        return flat;
    }
}
