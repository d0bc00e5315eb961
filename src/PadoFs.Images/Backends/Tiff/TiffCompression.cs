using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Codecs.WebP;
using PadoFs.Images.Codecs.Zstd;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>The TIFF compression codes PadoFs decodes itself, and a decoder for a page's chunks.</summary>
internal static class TiffCompression
{
    public const int None = 1;
    public const int Lzw = 5;
    public const int OldJpeg = 6;
    public const int Jpeg = 7;
    public const int Deflate = 8;
    public const int PackBits = 32773;
    public const int ObsoleteDeflate = 32946;
    public const int AperioJpeg2000YCbCr = 33003;
    public const int Jpeg2000Lossy = 33004;
    public const int AperioJpeg2000Rgb = 33005;
    public const int Jpeg2000 = 34712;
    public const int Zstd = 50000;
    public const int WebP = 50001;

    /// <summary>False, with the reason, for a page whose compression it cannot decode; true with a null decoder for uncompressed data.</summary>
    public static bool TryGetDecoder(TiffFile file, TiffPage page, out IChunkDecoder? decoder, out string reason)
    {
        reason = string.Empty;
        if (page.Compression == OldJpeg)
        {
            decoder = OldJpegChunkDecoder.TryCreate(file, page, out reason);
            return decoder is not null;
        }

        var width = (int)page.ChunkWidth;
        var height = (int)page.ChunkHeight;
        var samples = page.PlanarConfiguration == 2 ? 1 : page.SamplesPerPixel;
        decoder = page.Compression switch
        {
            Lzw => LzwDecoder.Instance,
            Deflate or ObsoleteDeflate => DeflateDecoder.Instance,
            PackBits => PackBitsDecoder.Instance,
            Zstd => ZstdDecoder.Instance,
            Jpeg when JpegColorSpaceOf(page) is { } colorSpace => new JpegChunkDecoder(page.JpegTables, colorSpace, width, height, samples, !page.IsTiled),
            Jpeg when IsJpegOfSeparateComponents(page) => new JpegComponentsChunkDecoder(page.JpegTables, width, height, page.SamplesPerPixel, !page.IsTiled),
            AperioJpeg2000YCbCr or Jpeg2000Lossy or AperioJpeg2000Rgb or Jpeg2000 when page.SampleFormat is 1 or 2 && page.BitsPerSample is 8 or 16 =>
                new Jpeg2000ChunkDecoder(page.Compression, width, height, samples, page.BitsPerSample / 8),
            WebP when page.PlanarConfiguration == 1 && page.SamplesPerPixel is 3 or 4 && page.BitsPerSample == 8 && page.SampleFormat == 1 =>
                new WebPChunkDecoder(width, height, page.SamplesPerPixel),
            _ => null,
        };
        var decodes = decoder is not null || page.Compression == None;
        reason = decodes ? string.Empty : $"unsupported TIFF compression {page.Compression}";
        return decodes;
    }

    /// <summary>
    /// True for compressions that store the bytes of the samples in the file's byte order (byte swapping and the
    /// predictor apply after decompressing), false for the image codecs, which give samples in the machine's order.
    /// </summary>
    public static bool StoresFileOrderSamples(int compression) =>
        compression is None or Lzw or Deflate or ObsoleteDeflate or PackBits or Zstd;

    private static JpegColorSpace? JpegColorSpaceOf(TiffPage page) => (page.Photometric, page.SamplesPerPixel, page.PlanarConfiguration, page.BitsPerSample) switch
    {
        (TiffPhotometric.MinIsBlack, 1, _, 8) or (TiffPhotometric.MinIsBlack, _, 2, 8) => JpegColorSpace.Gray,
        (TiffPhotometric.Rgb, 3, 1, 8) => JpegColorSpace.Rgb,
        (TiffPhotometric.YCbCr, 3, 1, 8) => JpegColorSpace.YCbCr,
        _ => null,
    };

    // Grey with alpha or other extra samples in one stream: components that no colour transform joins.
    private static bool IsJpegOfSeparateComponents(TiffPage page) =>
        page.Photometric == TiffPhotometric.MinIsBlack && page.SamplesPerPixel > 1 && page.PlanarConfiguration == 1 && page.BitsPerSample == 8;
}
