namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Decodes one Aperio JPEG 2000 tile (TIFF compression 33003 or 33005: a raw J2K codestream) with OpenJPEG into
/// interleaved RGB8, giving the pixels OpenSlide 3.4 gives for the tile: same library, default decoder parameters,
/// same checks on the codestream and the same conversion of the components.
/// </summary>
internal static unsafe class Jpeg2000TileDecoder
{
    public const string CodecName = "JPEG 2000";

    private const int Samples = 3;

    /// <summary>OpenJPEG's stream buffer: the whole tile at once when it is small, as OpenSlide reads it.</summary>
    private const int MaxStreamBuffer = 1 << 20;

    /// <summary>
    /// Decodes <paramref name="codestream"/> into <paramref name="destination"/>: <paramref name="height"/> rows of
    /// <paramref name="width"/> pixels, each R, G, B.
    /// </summary>
    /// <param name="codestream">The tile's bytes as stored (TileOffsets/TileByteCounts).</param>
    /// <param name="compression">The page's Compression tag, which says how the components become RGB.</param>
    /// <param name="width">The page's tile width; the codestream must be exactly this wide.</param>
    /// <param name="height">The page's tile height; the codestream must be exactly this high.</param>
    /// <param name="destination">At least width x height x 3 bytes.</param>
    /// <exception cref="TileDecodeException">the codestream is corrupt, truncated, or not a 3-component image of the tile's size.</exception>
    /// <exception cref="DllNotFoundException">libopenjp2 is not installed.</exception>
    public static void Decode(ReadOnlySpan<byte> codestream, AperioJpeg2000Compression compression, int width, int height, Span<byte> destination)
    {
        if (compression is not (AperioJpeg2000Compression.YCbCr or AperioJpeg2000Compression.Rgb))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Not an Aperio JPEG 2000 compression (33003 or 33005).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (destination.Length < (long)width * height * Samples)
        {
            throw new ArgumentException($"A {width} x {height} RGB tile needs {(long)width * height * Samples} bytes, the destination has {destination.Length}.", nameof(destination));
        }

        if (codestream.IsEmpty)
        {
            throw new TileDecodeException(CodecName, "the tile is empty");
        }

        fixed (byte* data = codestream)
        {
            var source = new OpenJpegMemorySource(data, codestream.Length);
            var errors = default(OpenJpegErrorMessage);
            var stream = OpenJpegNative.CreateInputStream((nuint)Math.Min(codestream.Length, MaxStreamBuffer));
            var codec = OpenJpegNative.CreateDecoder(OpenJpegNative.CodecJ2k);
            OpjImage* image = null;
            try
            {
                if (stream == 0 || codec == 0)
                {
                    throw new InsufficientMemoryException("OpenJPEG could not allocate a stream or a decoder.");
                }

                OpenJpegNative.SetStreamSource(
                    stream, &source, (ulong)codestream.Length,
                    OpenJpegMemorySource.ReadCallback, OpenJpegMemorySource.SkipCallback, OpenJpegMemorySource.SeekCallback);
                OpenJpegNative.SetErrorHandler(codec, OpenJpegErrorMessage.Handler, &errors);
                if (!OpenJpegNative.ReadHeader(stream, codec, &image))
                {
                    throw Failure(errors, "cannot read the codestream's main header");
                }

                errors.Clear();
                CheckGeometry(image, width, height);
                if (!OpenJpegNative.Decode(codec, stream, image))
                {
                    throw Failure(errors, "cannot decode the codestream");
                }

                Jpeg2000ComponentInterleaver.Interleave(image->Comps, compression, width, height, destination);
            }
            finally
            {
                if (image != null)
                {
                    OpenJpegNative.DestroyImage(image);
                }

                if (codec != 0)
                {
                    OpenJpegNative.DestroyCodec(codec);
                }

                if (stream != 0)
                {
                    OpenJpegNative.DestroyStream(stream);
                }
            }
        }
    }

    private static void CheckGeometry(OpjImage* image, int width, int height)
    {
        if (image->X1 != width || image->Y1 != height)
        {
            throw new TileDecodeException(CodecName, $"the codestream is {image->X1} x {image->Y1} pixels, the tile {width} x {height}");
        }

        if (image->NumComps != Samples || image->Comps == null)
        {
            throw new TileDecodeException(CodecName, $"the codestream has {image->NumComps} components, not {Samples}");
        }
    }

    private static TileDecodeException Failure(in OpenJpegErrorMessage errors, string fallback) =>
        new(CodecName, "OpenJPEG: " + errors.TextOr(fallback));
}
