using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>Decodes a page's JPEG tiles (TIFF compression 7) with the page's shared tables and colour space.</summary>
internal sealed class JpegChunkDecoder(byte[]? tables, JpegColorSpace colorSpace, int width, int height, int samples) : IChunkDecoder
{
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            JpegTileDecoder.Decode(source, tables, colorSpace, width, height, destination);
            return width * height * samples;
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
