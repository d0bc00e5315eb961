using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg2000;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs.Jpeg2000;

/// <summary>Corrupt, truncated or mismatched JPEG 2000 tiles give a <see cref="TileDecodeException"/> with a reason, never a crash or a hang.</summary>
[Trait("Category", "Oracles")]
public sealed class Jpeg2000TileDecoderBadInputTests
{
    private static readonly Lazy<TiledPage> s_page = new(() => TileCodecOracle.TiledPages(SharedSlides.PathOf("tcga-cr-7395.svs"))[0]);

    private static TiledPage Page => s_page.Value;

    /// <summary>A tile in the middle of the slide, with tissue, so that its codestream is not trivially small.</summary>
    private static byte[] Tile => Page.ReadTile((Page.TilesDown / 2 * Page.TilesAcross) + (Page.TilesAcross / 2));

    [Fact]
    public void A_truncated_tile_fails()
    {
        var tile = Tile;
        foreach (var length in CorruptTileAssert.TruncatedLengths(tile.Length))
        {
            var reason = CorruptTileAssert.Fails(() => Decode(tile.AsSpan(0, length)), $"the first {length} of {tile.Length} bytes");
            Assert.StartsWith("OpenJPEG: ", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_tile_fails()
    {
        CorruptTileAssert.Fails(() => Decode([]), "an empty tile");
    }

    [Fact]
    public void Garbage_fails()
    {
        var tile = Tile;
        for (var seed = 0; seed < 20; seed++)
        {
            var garbage = CorruptTileAssert.Garbage(4096, seed);
            CorruptTileAssert.Fails(() => Decode(garbage), $"garbage (seed {seed})");
            byte[] afterMainHeaderStart = [.. tile.AsSpan(0, 4), .. garbage];
            CorruptTileAssert.Fails(() => Decode(afterMainHeaderStart), $"SOC, SIZ marker and garbage (seed {seed})");
        }
    }

    [Fact]
    public void A_tile_of_another_size_than_the_page_says_fails()
    {
        var tile = Tile;
        var destination = new byte[Page.TileWidth * (Page.TileHeight + 16) * 3];
        var reason = CorruptTileAssert.Fails(
            () => Jpeg2000TileDecoder.Decode(tile, AperioJpeg2000Compression.Rgb, Page.TileWidth, Page.TileHeight + 16, destination),
            "a tile shorter than the page's tile height");
        Assert.Contains($"{Page.TileWidth} x {Page.TileHeight}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_decoder_still_works_after_failures()
    {
        var tile = Tile;
        var expected = new byte[Page.TileWidth * Page.TileHeight * 3];
        Jpeg2000TileDecoder.Decode(tile, AperioJpeg2000Compression.Rgb, Page.TileWidth, Page.TileHeight, expected);
        var actual = new byte[expected.Length];
        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<TileDecodeException>(() => Decode(tile.AsSpan(0, tile.Length / 2)));
            Jpeg2000TileDecoder.Decode(tile, AperioJpeg2000Compression.Rgb, Page.TileWidth, Page.TileHeight, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_missing_library_is_named_with_its_package()
    {
        var error = Assert.Throws<DllNotFoundException>(() => OpenJpegNative.LoadFirst(["libpadofs-absent-openjp2.so.7"]));
        Assert.Contains("libopenjp2-7", error.Message, StringComparison.Ordinal);
    }

    private static void Decode(ReadOnlySpan<byte> tile)
    {
        var destination = new byte[Page.TileWidth * Page.TileHeight * 3];
        Jpeg2000TileDecoder.Decode(tile, AperioJpeg2000Compression.Rgb, Page.TileWidth, Page.TileHeight, destination);
    }
}
