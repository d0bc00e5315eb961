using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg;

/// <summary>Every JPEG tile decodes to exactly the pixels OpenSlide returns for it when it reads the whole level.</summary>
[Trait("Category", "Oracles")]
public sealed class JpegTileDecoderTests(GeneratedSlides generated) : IClassFixture<GeneratedSlides>
{
    private const int Jpeg = 7;

    [Theory]
    [InlineData("cmu-1-small-region.svs")]
    [InlineData("small.svs")]
    public void Every_tile_of_an_Aperio_slide_equals_OpenSlide(string name)
    {
        var path = SharedSlides.PathOf(name);
        var pages = TileCodecOracle.TiledPages(path);
        Assert.NotEmpty(pages);
        for (var level = 0; level < pages.Count; level++)
        {
            var page = pages[level];
            Assert.Equal(Jpeg, page.Compression);
            Assert.Equal((int)JpegColorSpace.Rgb, page.Photometric);
            Assert.NotNull(page.JpegTables);
            AssertEveryTileEqualsOpenSlide(page, level, "aperio");
        }
    }

    [Fact]
    public void Every_tile_of_a_YCbCr_JPEG_tiff_equals_OpenSlide()
    {
        var page = Assert.Single(TileCodecOracle.TiledPages(generated.YCbCrJpeg));
        Assert.Equal(Jpeg, page.Compression);
        Assert.Equal((int)JpegColorSpace.YCbCr, page.Photometric);
        Assert.True(page.Width % page.TileWidth != 0 && page.Height % page.TileHeight != 0, "the edge tiles should stick out of the level");
        AssertEveryTileEqualsOpenSlide(page, level: 0, "generic-tiff");
    }

    [Fact]
    public void Every_tile_of_a_gray_JPEG_tiff_equals_OpenSlide()
    {
        var page = Assert.Single(TileCodecOracle.TiledPages(generated.GrayJpeg));
        Assert.Equal(Jpeg, page.Compression);
        Assert.Equal(1, page.Samples);
        AssertEveryTileEqualsOpenSlide(page, level: 0, "generic-tiff");
    }

    [Fact]
    public void The_photometric_tag_not_the_stream_decides_the_colour_transform()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0];
        var tile = page.ReadTile(page.TileCount / 2);

        var asRgb = Decode(page, tile, JpegColorSpace.Rgb);
        var asYCbCr = Decode(page, tile, JpegColorSpace.YCbCr);

        Assert.NotEqual(asRgb, asYCbCr);
    }

    [Fact]
    public void JFIF_and_Adobe_markers_in_the_tile_do_not_override_the_photometric_tag()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0];
        var tile = page.ReadTile(page.TileCount / 2);
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        byte[] adobeYCbCr = [0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x01];
        byte[] marked = [.. tile.AsSpan(0, 2), .. jfif, .. adobeYCbCr, .. tile.AsSpan(2)];

        Assert.Equal(Decode(page, tile, JpegColorSpace.Rgb), Decode(page, marked, JpegColorSpace.Rgb));
    }

    [Fact]
    public void Threads_decoding_at_once_get_the_same_pixels_as_one_thread()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0];
        var tiles = Enumerable.Range(0, page.TileCount).Select(page.ReadTile).ToArray();
        var sequential = tiles.Select(tile => Decode(page, tile, JpegColorSpace.Rgb)).ToArray();

        var parallel = new byte[tiles.Length][];
        Parallel.For(0, tiles.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % tiles.Length;
            parallel[index] = Decode(page, tiles[index], JpegColorSpace.Rgb);
        });

        for (var i = 0; i < tiles.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    private static void AssertEveryTileEqualsOpenSlide(TiledPage page, int level, string vendor)
    {
        var pixels = TileCodecOracle.Level(page.File, level);
        Assert.Equal(vendor, pixels.Vendor);
        Assert.Equal((page.Width, page.Height), (pixels.Width, pixels.Height));
        for (var tile = 0; tile < page.TileCount; tile++)
        {
            var decoded = Decode(page, page.ReadTile(tile), (JpegColorSpace)page.Photometric);
            pixels.AssertTileEquals(page, tile, decoded, page.Samples);
        }
    }

    private static byte[] Decode(TiledPage page, byte[] tile, JpegColorSpace colorSpace)
    {
        var decoded = new byte[page.TileWidth * page.TileHeight * (colorSpace == JpegColorSpace.Gray ? 1 : 3)];
        JpegTileDecoder.Decode(tile, page.JpegTables, colorSpace, page.TileWidth, page.TileHeight, decoded);
        return decoded;
    }
}
