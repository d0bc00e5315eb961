using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Codecs.Jpeg2000;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs;

/// <summary>Decoding a tile allocates no managed memory once a thread has decoded one: buffers are pooled, decoders kept.</summary>
[Trait("Category", "Oracles")]
public sealed class CodecAllocationTests
{
    private const int Repetitions = 200;

    [Fact]
    public void Decoding_a_JPEG_tile_allocates_nothing_in_the_steady_state()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("cmu-1-small-region.svs"))[0];
        var tile = page.ReadTile(page.TileCount / 2);
        var tables = page.JpegTables;
        var destination = new byte[page.TileWidth * page.TileHeight * 3];

        var perTile = AllocatedPerCall(() => JpegTileDecoder.Decode(tile, tables, JpegColorSpace.Rgb, page.TileWidth, page.TileHeight, destination));

        Assert.InRange(perTile, 0, 1);
    }

    [Fact]
    public void Decoding_a_JPEG_2000_tile_allocates_nothing_in_the_steady_state()
    {
        var page = TileCodecOracle.TiledPages(SharedSlides.PathOf("tcga-cr-7395.svs"))[1];
        var tile = page.ReadTile(page.TileCount / 2);
        var destination = new byte[page.TileWidth * page.TileHeight * 3];

        var perTile = AllocatedPerCall(() => Jpeg2000TileDecoder.Decode(tile, AperioJpeg2000Compression.Rgb, page.TileWidth, page.TileHeight, destination));

        Assert.InRange(perTile, 0, 1);
    }

    /// <summary>Managed bytes the calling thread allocates per call, after warm-up calls (decoder, pool, JIT).</summary>
    private static double AllocatedPerCall(Action call)
    {
        for (var i = 0; i < 20; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Repetitions; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Repetitions;
    }
}
