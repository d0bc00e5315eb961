using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs;

/// <summary>tifffile and openslide-python through the oracle <c>tile_codecs.py</c>.</summary>
internal static class TileCodecOracle
{
    private const string Script = "tile_codecs.py";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The tiled pages of a TIFF, in file order.</summary>
    public static IReadOnlyList<TiledPage> TiledPages(string file)
    {
        var pages = JsonSerializer.Deserialize<List<PageJson>>(Python.RunOracle(Script, "tiles", file), s_json)!;
        return pages.ConvertAll(page => new TiledPage(
            file, page.Index, page.Width, page.Height, page.TileWidth, page.TileHeight, page.Compression, page.Photometric,
            page.Samples, page.Offsets, page.ByteCounts, page.JpegTables is null ? null : Convert.FromBase64String(page.JpegTables)));
    }

    /// <summary>OpenSlide's pixels of a whole level read from (0, 0), as RGB; the oracle fails unless all are opaque.</summary>
    public static LevelPixels Level(string file, int level)
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("level.rgb");
        var info = JsonSerializer.Deserialize<LevelJson>(Python.RunOracle(Script, "level", file, level.ToString(System.Globalization.CultureInfo.InvariantCulture), output), s_json)!;
        return new LevelPixels(info.Vendor, info.Width, info.Height, File.ReadAllBytes(output));
    }

    /// <summary>Writes a tiled TIFF of JPEG tiles ("ycbcr" or "gray") made by libvips from a region of a real slide.</summary>
    public static void MakeJpegTiff(string output, string colour) =>
        Python.RunOracle(Script, "make-jpeg-tiff", SharedSlides.PathOf("cmu-1-small-region.svs"), output, colour);

    /// <summary>Writes the JPEG pyramid libvips makes of a real SVS loaded as a TIFF: every page keeps the Aperio description.</summary>
    public static void MakeVipsPyramid(string output) =>
        Python.RunOracle(Script, "make-vips-pyramid", SharedSlides.PathOf("cmu-1-small-region.svs"), output);

    /// <summary>Writes an Aperio SVS of 33003 tiles (J2K codestreams of subsampled YCbCr) made by libvips from a region of a real slide.</summary>
    public static void MakeAperio33003(string output) =>
        Python.RunOracle(Script, "make-aperio-33003", SharedSlides.PathOf("cmu-1-small-region.svs"), output);

    private sealed record PageJson(
        int Index, int Width, int Height, int TileWidth, int TileHeight, int Compression, int Photometric, int Samples,
        List<long> Offsets, List<long> ByteCounts, string? JpegTables);

    private sealed record LevelJson(string Vendor, int Width, int Height);
}
