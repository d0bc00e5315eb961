using PadoFs.Images.Codecs;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>The TIFF compression codes this backend decodes itself, and their decoders.</summary>
internal static class TiffCompression
{
    public const int None = 1;
    public const int Lzw = 5;
    public const int Deflate = 8;
    public const int PackBits = 32773;
    public const int ObsoleteDeflate = 32946;

    /// <summary>False for a code it cannot decode; true with a null decoder for uncompressed data.</summary>
    public static bool TryGetDecoder(int compression, out IChunkDecoder? decoder)
    {
        decoder = compression switch
        {
            Lzw => LzwDecoder.Instance,
            Deflate or ObsoleteDeflate => DeflateDecoder.Instance,
            PackBits => PackBitsDecoder.Instance,
            _ => null,
        };
        return decoder is not null || compression == None;
    }
}
