using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg;

/// <summary>
/// Each thread's decoder is reused, and libjpeg keeps the tables of earlier streams; still every tile decodes as it
/// would with a new decoder (as OpenSlide decodes it): undefined Huffman slots 0 and 1 get the standard tables, other
/// undefined tables fail, whatever an earlier tile defined. The earlier tiles are decoded on the same thread as
/// the tile under test, so that both use the same decoder.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class JpegTileDecoderTableStateTests(GeneratedSlides generated) : IClassFixture<GeneratedSlides>
{
    private static readonly Lazy<TiledPage> s_aperio = new(() => TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0]);

    [Fact]
    public void A_tile_without_quantization_tables_fails_after_tiles_that_had_them()
    {
        var page = s_aperio.Value;
        var tile = page.ReadTile(0);

        var reason = CorruptTileAssert.Fails(
            () =>
            {
                Decode(page, tile, page.JpegTables!, JpegColorSpace.Rgb);
                Decode(page, tile, [], JpegColorSpace.Rgb);
            },
            "a tile without JPEGTables after one with them");

        Assert.Contains("quantization table 0", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Huffman_tables_left_out_are_the_standard_ones_whatever_an_earlier_tile_defined()
    {
        var page = Assert.Single(TileCodecOracle.TiledPages(generated.YCbCrJpeg));
        var pixels = TileCodecOracle.Level(page.File, 0);
        var tile = page.ReadTile(0);
        var tablesWithoutHuffman = JpegStreamEditing.WithoutHuffmanTables(page.JpegTables!);
        Assert.True(tablesWithoutHuffman.Length < page.JpegTables!.Length, "the JPEGTables should define Huffman tables");

        // An earlier tile leaves its luminance tables in slot 1, where the standard chrominance tables belong.
        var aperio = s_aperio.Value;
        var aperioTile = aperio.ReadTile(0);
        Assert.Equal(
            Decode(aperio, aperioTile, aperio.JpegTables!, JpegColorSpace.Rgb),
            Decode(aperio, JpegStreamEditing.WithHuffmanSlot(aperioTile, 1), JpegStreamEditing.WithHuffmanSlot(aperio.JpegTables!, 1), JpegColorSpace.Rgb));

        pixels.AssertTileEquals(page, 0, Decode(page, tile, tablesWithoutHuffman, JpegColorSpace.YCbCr), samples: 3);
    }

    [Fact]
    public void A_scan_using_an_undefined_Huffman_slot_fails_after_tiles_that_defined_it()
    {
        var page = s_aperio.Value;
        var tile = JpegStreamEditing.WithHuffmanSlot(page.ReadTile(0), 2);
        var tablesInSlot2 = JpegStreamEditing.WithHuffmanSlot(page.JpegTables!, 2);

        CorruptTileAssert.Fails(
            () =>
            {
                Assert.Equal(Decode(page, page.ReadTile(0), page.JpegTables!, JpegColorSpace.Rgb), Decode(page, tile, tablesInSlot2, JpegColorSpace.Rgb));
                Decode(page, tile, page.JpegTables!, JpegColorSpace.Rgb);
            },
            "a scan using Huffman slot 2 that only an earlier tile defined");
    }

    private static byte[] Decode(TiledPage page, byte[] tile, byte[] tables, JpegColorSpace colorSpace)
    {
        var decoded = new byte[page.TileWidth * page.TileHeight * 3];
        JpegTileDecoder.Decode(tile, tables, colorSpace, page.TileWidth, page.TileHeight, decoded);
        return decoded;
    }
}
