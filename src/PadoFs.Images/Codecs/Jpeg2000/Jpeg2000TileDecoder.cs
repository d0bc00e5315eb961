using System.Buffers.Binary;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Decodes one JPEG 2000 TIFF chunk with OpenJPEG: an Aperio RGB tile (TIFF compression 33003 or 33005: a raw J2K
/// codestream) into interleaved RGB8, giving the pixels OpenSlide 3.4 gives for the tile (same library, default
/// decoder parameters, same checks on the codestream and the same conversion of the components); any other into
/// its components as they are decoded, as tifffile's JPEG 2000 codec gives them.
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

        var sink = new AperioSink(compression, width, height, destination);
        Run(codestream, OpenJpegNative.CodecJ2k, ref sink);
    }

    /// <summary>
    /// Decodes a JPEG 2000 codestream or JP2 file (TIFF compressions 33004 and 34712, and Aperio's codes for other
    /// than 3 samples) into rows of <paramref name="width"/> pixels of <paramref name="samples"/> interleaved samples of
    /// <paramref name="bytesPerSample"/> bytes, little-endian, each component as OpenJPEG decodes it (as tifffile gives
    /// it). Returns the bytes written: a codestream may be less high than <paramref name="height"/> (a short last strip).
    /// </summary>
    /// <exception cref="TileDecodeException">the data is corrupt, or its components do not match the chunk's.</exception>
    /// <exception cref="DllNotFoundException">libopenjp2 is not installed.</exception>
    public static int DecodeSamples(ReadOnlySpan<byte> codestream, int width, int height, int samples, int bytesPerSample, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bytesPerSample is not (1 or 2) || destination.Length < (long)width * height * samples * bytesPerSample)
        {
            throw new ArgumentException($"A {width} x {height} x {samples} chunk of {bytesPerSample}-byte samples does not fit {destination.Length} bytes.", nameof(destination));
        }

        var sink = new SampleSink(width, height, samples, bytesPerSample, destination);
        Run(codestream, IsJp2File(codestream) ? OpenJpegNative.CodecJp2 : OpenJpegNative.CodecJ2k, ref sink);
        return sink.Written;
    }

    private static void Run<TSink>(ReadOnlySpan<byte> codestream, int format, ref TSink sink)
        where TSink : IImageSink, allows ref struct
    {
        if (codestream.IsEmpty)
        {
            throw new TileDecodeException(CodecName, "the tile is empty");
        }

        fixed (byte* data = codestream)
        {
            var source = new OpenJpegMemorySource(data, codestream.Length);
            var errors = default(OpenJpegErrorMessage);
            var stream = OpenJpegNative.CreateInputStream((nuint)Math.Min(codestream.Length, MaxStreamBuffer));
            var codec = OpenJpegNative.CreateDecoder(format);
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
                sink.CheckHeader(image);
                if (!OpenJpegNative.Decode(codec, stream, image))
                {
                    throw Failure(errors, "cannot decode the codestream");
                }

                sink.Write(image);
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

    // A JP2 file starts with its signature box: length 12, type "jP  ".
    private static bool IsJp2File(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && data[..8].SequenceEqual("\0\0\0\fjP  "u8);

    private static void CheckAperioGeometry(OpjImage* image, int width, int height)
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

    /// <summary>What is done with the decoded image: checks on its header before decoding, then writing its samples.</summary>
    private interface IImageSink
    {
        void CheckHeader(OpjImage* image);

        void Write(OpjImage* image);
    }

    private readonly ref struct AperioSink(AperioJpeg2000Compression compression, int width, int height, Span<byte> destination) : IImageSink
    {
        private readonly Span<byte> _destination = destination;

        public void CheckHeader(OpjImage* image) => CheckAperioGeometry(image, width, height);

        public void Write(OpjImage* image) => Jpeg2000ComponentInterleaver.Interleave(image->Comps, compression, width, height, _destination);
    }

    private ref struct SampleSink(int width, int height, int samples, int bytesPerSample, Span<byte> destination) : IImageSink
    {
        private readonly Span<byte> _destination = destination;

        public int Written { get; private set; }

        public readonly void CheckHeader(OpjImage* image)
        {
            if (image->NumComps != samples || image->Comps == null)
            {
                throw new TileDecodeException(CodecName, $"the codestream has {image->NumComps} components, the chunk {samples} samples");
            }
        }

        public void Write(OpjImage* image)
        {
            var rows = (int)image->Comps[0].H;
            for (var c = 0; c < samples; c++)
            {
                ref readonly var component = ref image->Comps[c];
                if (component.Data == null || component.W != width || component.H != rows || rows > height)
                {
                    throw new TileDecodeException(CodecName, $"component {c} is {component.W} x {component.H} samples, not the {width} pixels of a row of the {width} x {height} chunk");
                }

                if (component.Prec > bytesPerSample * 8)
                {
                    throw new TileDecodeException(CodecName, $"component {c} has {component.Prec}-bit samples, more than the chunk's {bytesPerSample * 8}");
                }
            }

            var count = width * rows;
            for (var c = 0; c < samples; c++)
            {
                var values = new ReadOnlySpan<int>(image->Comps[c].Data, count);
                if (bytesPerSample == 1)
                {
                    for (var i = 0; i < count; i++)
                    {
                        _destination[(i * samples) + c] = (byte)values[i];
                    }
                }
                else
                {
                    for (var i = 0; i < count; i++)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(_destination[(((i * samples) + c) * 2)..], (ushort)values[i]);
                    }
                }
            }

            Written = count * samples * bytesPerSample;
        }
    }
}
