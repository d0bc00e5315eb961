using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg2000;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>Decodes a page's Aperio JPEG 2000 tiles (TIFF compressions 33003 and 33005) into RGB.</summary>
internal sealed class Jpeg2000ChunkDecoder(AperioJpeg2000Compression compression, int width, int height) : IChunkDecoder
{
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            Jpeg2000TileDecoder.Decode(source, compression, width, height, destination);
            return width * height * 3;
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
