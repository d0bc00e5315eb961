using PadoFs.Images.Codecs.Jpeg2000;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg2000;

/// <summary>Every JPEG 2000 tile decodes to exactly the pixels OpenSlide returns for it when it reads the whole level.</summary>
[Trait("Category", "Oracles")]
public sealed class Jpeg2000TileDecoderTests(GeneratedSlides generated) : IClassFixture<GeneratedSlides>
{
    [Fact]
    public void Every_tile_of_both_levels_of_an_Aperio_33005_slide_equals_OpenSlide()
    {
        var pages = TileCodecOracle.TiledPages(SharedSlides.PathOf("tcga-cr-7395.svs"));
        Assert.Equal(2, pages.Count);
        for (var level = 0; level < pages.Count; level++)
        {
            Assert.Equal((int)AperioJpeg2000Compression.Rgb, pages[level].Compression);
            AssertEveryTileEqualsOpenSlide(pages[level], level);
        }
    }

    [Fact]
    public void Every_tile_of_an_Aperio_33003_slide_equals_OpenSlide()
    {
        var page = Assert.Single(TileCodecOracle.TiledPages(generated.Aperio33003));
        Assert.Equal((int)AperioJpeg2000Compression.YCbCr, page.Compression);
        Assert.True(page.Width % page.TileWidth != 0 && page.Height % page.TileHeight != 0, "the edge tiles should stick out of the level");
        AssertEveryTileEqualsOpenSlide(page, level: 0);
    }

    [Fact]
    public void Threads_decoding_at_once_get_the_same_pixels_as_one_thread()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("tcga-cr-7395.svs"))[1];
        var tiles = Enumerable.Range(0, page.TileCount).Select(page.ReadTile).ToArray();
        var sequential = tiles.Select(tile => Decode(page, tile)).ToArray();

        var parallel = new byte[tiles.Length][];
        Parallel.For(0, tiles.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Decode(page, tiles[i]));

        for (var i = 0; i < tiles.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    private static void AssertEveryTileEqualsOpenSlide(TiledPage page, int level)
    {
        var pixels = TileCodecOracle.Level(page.File, level);
        Assert.Equal("aperio", pixels.Vendor);
        Assert.Equal((page.Width, page.Height), (pixels.Width, pixels.Height));
        for (var tile = 0; tile < page.TileCount; tile++)
        {
            pixels.AssertTileEquals(page, tile, Decode(page, page.ReadTile(tile)), samples: 3);
        }
    }

    private static byte[] Decode(TiledPage page, byte[] tile)
    {
        var decoded = new byte[page.TileWidth * page.TileHeight * 3];
        Jpeg2000TileDecoder.Decode(tile, (AperioJpeg2000Compression)page.Compression, page.TileWidth, page.TileHeight, decoded);
        return decoded;
    }
}
