using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>Decodes a page's JPEG tiles or strips (TIFF compression 7) with the page's shared tables and colour space.</summary>
internal sealed class JpegChunkDecoder(byte[]? tables, JpegColorSpace colorSpace, int width, int height, int samples, bool isStrip) : IChunkDecoder
{
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return JpegTileDecoder.Decode(source, tables, colorSpace, width, height, destination, isStrip) * width * samples;
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
