using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Codecs.Jpeg2000;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>The TIFF compression codes PadoFs decodes itself, and a decoder for a page's chunks.</summary>
internal static class TiffCompression
{
    public const int None = 1;
    public const int Lzw = 5;
    public const int Jpeg = 7;
    public const int Deflate = 8;
    public const int PackBits = 32773;
    public const int ObsoleteDeflate = 32946;
    public const int AperioJpeg2000YCbCr = 33003;
    public const int AperioJpeg2000Rgb = 33005;

    /// <summary>False for a page whose compression it cannot decode; true with a null decoder for uncompressed data.</summary>
    public static bool TryGetDecoder(TiffPage page, out IChunkDecoder? decoder)
    {
        var width = (int)page.ChunkWidth;
        var height = (int)page.ChunkHeight;
        decoder = page.Compression switch
        {
            Lzw => LzwDecoder.Instance,
            Deflate or ObsoleteDeflate => DeflateDecoder.Instance,
            PackBits => PackBitsDecoder.Instance,
            Jpeg when JpegColorSpaceOf(page) is { } colorSpace => new JpegChunkDecoder(page.JpegTables, colorSpace, width, height, page.SamplesPerPixel),
            AperioJpeg2000YCbCr when page.SamplesPerPixel == 3 => new Jpeg2000ChunkDecoder(AperioJpeg2000Compression.YCbCr, width, height),
            AperioJpeg2000Rgb when page.SamplesPerPixel == 3 => new Jpeg2000ChunkDecoder(AperioJpeg2000Compression.Rgb, width, height),
            _ => null,
        };
        return decoder is not null || page.Compression == None;
    }

    private static JpegColorSpace? JpegColorSpaceOf(TiffPage page) => (page.Photometric, page.SamplesPerPixel, page.PlanarConfiguration, page.BitsPerSample) switch
    {
        (TiffPhotometric.MinIsBlack, 1, _, 8) => JpegColorSpace.Gray,
        (TiffPhotometric.Rgb, 3, 1, 8) => JpegColorSpace.Rgb,
        (TiffPhotometric.YCbCr, 3, 1, 8) => JpegColorSpace.YCbCr,
        _ => null,
    };
}
