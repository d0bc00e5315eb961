using PadoFs.Testing;

namespace PadoFs.Images.Tests.Codecs;

/// <summary>
/// Slides of tile kinds the shared set lacks, written once per test class by libvips from a region of a real slide
/// (through the oracle script) into a temporary directory.
/// </summary>
public sealed class GeneratedSlides : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly Lazy<string> _ycbcrJpeg;
    private readonly Lazy<string> _grayJpeg;
    private readonly Lazy<string> _aperio33003;
    private readonly Lazy<string> _vipsPyramid;

    public GeneratedSlides()
    {
        _ycbcrJpeg = new(() => Make("ycbcr-jpeg.tiff", path => TileCodecOracle.MakeJpegTiff(path, "ycbcr")));
        _grayJpeg = new(() => Make("gray-jpeg.tiff", path => TileCodecOracle.MakeJpegTiff(path, "gray")));
        _aperio33003 = new(() => Make("aperio-33003.svs", TileCodecOracle.MakeAperio33003));
        _vipsPyramid = new(() => Make("vips-pyramid.tiff", TileCodecOracle.MakeVipsPyramid));
    }

    /// <summary>JPEG tiles in photometric YCbCr with 2 x 2 chroma subsampling and JPEGTables (generic TIFF).</summary>
    public string YCbCrJpeg => _ycbcrJpeg.Value;

    /// <summary>JPEG tiles of one gray sample with JPEGTables (generic TIFF).</summary>
    public string GrayJpeg => _grayJpeg.Value;

    /// <summary>An Aperio SVS of 33003 tiles: J2K codestreams of Y, Cb and Cr, the chroma subsampled 2 x 2.</summary>
    public string Aperio33003 => _aperio33003.Value;

    /// <summary>
    /// A JPEG pyramid written by libvips (YCbCr tiles of 128 x 128, downsamples that are not integers) whose pages
    /// carry the Aperio description of the slide it was made from.
    /// </summary>
    public string VipsPyramid => _vipsPyramid.Value;

    public void Dispose() => _directory.Dispose();

    private string Make(string name, Action<string> write)
    {
        var path = _directory.File(name);
        write(path);
        return path;
    }
}
