using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg2000;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// Decodes a page's JPEG 2000 chunks: Aperio's RGB tiles (33003, 33005 with 3 samples) into RGB as OpenSlide does,
/// every other (33004, 34712, Aperio's codes with other sample counts) into the page's samples as OpenJPEG gives them.
/// </summary>
internal sealed class Jpeg2000ChunkDecoder(int compression, int width, int height, int samples, int bytesPerSample) : IChunkDecoder
{
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        try
        {
            if (samples == 3 && bytesPerSample == 1 && compression is TiffCompression.AperioJpeg2000YCbCr or TiffCompression.AperioJpeg2000Rgb)
            {
                Jpeg2000TileDecoder.Decode(source, (AperioJpeg2000Compression)compression, width, height, destination);
                return width * height * samples;
            }

            return Jpeg2000TileDecoder.DecodeSamples(source, width, height, samples, bytesPerSample, destination);
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
