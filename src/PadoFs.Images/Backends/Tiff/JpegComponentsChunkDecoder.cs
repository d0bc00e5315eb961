using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// Decodes a MinIsBlack page's JPEG tiles or strips (TIFF compression 7) that hold several samples in one stream, such
/// as grey plus alpha: each component on its own, as libjpeg gives them without a colour transform.
/// </summary>
internal sealed class JpegComponentsChunkDecoder(byte[]? tables, int width, int height, int samples, bool isStrip) : IChunkDecoder
{
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            return JpegTileDecoder.DecodeComponents(source, tables, samples, width, height, destination, isStrip) * width * samples;
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
