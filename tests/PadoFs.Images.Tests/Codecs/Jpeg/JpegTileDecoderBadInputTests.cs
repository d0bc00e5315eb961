using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg;

/// <summary>Corrupt, truncated or mismatched JPEG tiles give a <see cref="PadoFs.Images.Codecs.TileDecodeException"/> with a reason, never a crash or a hang.</summary>
[Trait("Category", "Oracles")]
public sealed class JpegTileDecoderBadInputTests
{
    private static readonly Lazy<TiledPage> s_page = new(() => TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0]);

    private static TiledPage Page => s_page.Value;

    private static byte[] Tile => Page.ReadTile(Page.TileCount / 2);

    [Fact]
    public void A_truncated_tile_fails()
    {
        var tile = Tile;
        foreach (var length in CorruptTileAssert.TruncatedLengths(tile.Length))
        {
            CorruptTileAssert.Fails(() => Decode(tile.AsSpan(0, length), Page.JpegTables, JpegColorSpace.Rgb), $"the first {length} of {tile.Length} bytes");
        }
    }

    [Fact]
    public void An_empty_tile_fails()
    {
        var reason = CorruptTileAssert.Fails(() => Decode([], Page.JpegTables, JpegColorSpace.Rgb), "an empty tile");
        Assert.Contains("SOI", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_fails()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var garbage = CorruptTileAssert.Garbage(4096, seed);
            CorruptTileAssert.Fails(() => Decode(garbage, Page.JpegTables, JpegColorSpace.Rgb), $"garbage (seed {seed})");
            byte[] afterStartOfImage = [0xFF, 0xD8, .. garbage];
            CorruptTileAssert.Fails(() => Decode(afterStartOfImage, Page.JpegTables, JpegColorSpace.Rgb), $"SOI and garbage (seed {seed})");
            CorruptTileAssert.Fails(() => Decode(Tile, garbage, JpegColorSpace.Rgb), $"garbage JPEGTables (seed {seed})");
        }
    }

    [Fact]
    public void Garbage_in_place_of_the_scan_fails()
    {
        var tile = Tile;
        var scan = tile.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        Assert.True(scan > 0);
        var scanHeaderEnd = scan + 2 + ((tile[scan + 2] << 8) | tile[scan + 3]);
        var corrupt = tile.ToArray();
        CorruptTileAssert.Garbage(corrupt.Length - scanHeaderEnd, seed: 1).CopyTo(corrupt, scanHeaderEnd);

        CorruptTileAssert.Fails(() => Decode(corrupt, Page.JpegTables, JpegColorSpace.Rgb), "a scan of garbage");
    }

    [Fact]
    public void A_tile_without_its_tables_fails()
    {
        var reason = CorruptTileAssert.Fails(() => Decode(Tile, [], JpegColorSpace.Rgb), "a tile without JPEGTables");
        Assert.Contains("table", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_tile_of_another_size_than_the_page_says_fails()
    {
        var tile = Tile;
        var destination = new byte[(Page.TileWidth + 16) * Page.TileHeight * 3];
        var reason = CorruptTileAssert.Fails(
            () => JpegTileDecoder.Decode(tile, Page.JpegTables, JpegColorSpace.Rgb, Page.TileWidth + 16, Page.TileHeight, destination),
            "a tile narrower than the page's tile width");
        Assert.Contains($"{Page.TileWidth} x {Page.TileHeight}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_colour_tile_on_a_gray_page_fails()
    {
        var reason = CorruptTileAssert.Fails(() => Decode(Tile, Page.JpegTables, JpegColorSpace.Gray), "a colour tile read as gray");
        Assert.Contains("3 components", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decoder_still_works_after_failures()
    {
        var expected = new byte[Page.TileWidth * Page.TileHeight * 3];
        JpegTileDecoder.Decode(Tile, Page.JpegTables, JpegColorSpace.Rgb, Page.TileWidth, Page.TileHeight, expected);
        var tile = Tile;
        var actual = new byte[expected.Length];
        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<PadoFs.Images.Codecs.TileDecodeException>(() => Decode(tile.AsSpan(0, tile.Length / 2), Page.JpegTables, JpegColorSpace.Rgb));
            JpegTileDecoder.Decode(tile, Page.JpegTables, JpegColorSpace.Rgb, Page.TileWidth, Page.TileHeight, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_missing_library_is_named_with_its_package()
    {
        var error = Assert.Throws<DllNotFoundException>(() => TurboJpegNative.LoadFirst(["libpadofs-absent-turbojpeg.so.0"]));
        Assert.Contains("libturbojpeg0", error.Message, StringComparison.Ordinal);
    }

    private static void Decode(ReadOnlySpan<byte> tile, ReadOnlySpan<byte> tables, JpegColorSpace colorSpace)
    {
        var destination = new byte[Page.TileWidth * Page.TileHeight * 3];
        JpegTileDecoder.Decode(tile, tables, colorSpace, Page.TileWidth, Page.TileHeight, destination);
    }
}
