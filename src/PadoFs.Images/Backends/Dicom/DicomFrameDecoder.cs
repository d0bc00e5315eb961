using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Codecs.Jpeg2000;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// Decodes one frame of an instance into interleaved RGB8. A JPEG frame's colour transform follows the
/// photometric interpretation (YBR_FULL_422 converted, RGB not), as OpenSlide sets it; a JPEG 2000 frame's
/// components come out as OpenJPEG gives them, which undoes the codestream's own YBR_ICT/YBR_RCT transform.
/// </summary>
internal sealed class DicomFrameDecoder(DicomFrameCodec codec, JpegColorSpace colorSpace, int width, int height)
{
    private const int Samples = 3;

    public int Width => width;

    public int Height => height;

    public int FrameBytes => width * height * Samples;

    /// <exception cref="InvalidDataException">the frame does not decode, or decodes to another size.</exception>
    public void Decode(ReadOnlySpan<byte> stored, Span<byte> destination)
    {
        try
        {
            switch (codec)
            {
                case DicomFrameCodec.Jpeg:
                    JpegTileDecoder.Decode(stored, [], colorSpace, width, height, destination);
                    break;
                case DicomFrameCodec.Jpeg2000:
                    var written = Jpeg2000TileDecoder.DecodeSamples(stored, width, height, Samples, 1, destination);
                    if (written != FrameBytes)
                    {
                        throw new InvalidDataException($"the JPEG 2000 frame decodes to {written} bytes, a {width} x {height} RGB frame is {FrameBytes}");
                    }

                    break;
                default:
                    if (stored.Length < FrameBytes)
                    {
                        throw new InvalidDataException($"the uncompressed frame holds {stored.Length} bytes, a {width} x {height} RGB frame {FrameBytes}");
                    }

                    stored[..FrameBytes].CopyTo(destination);
                    break;
            }
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
    }
}
