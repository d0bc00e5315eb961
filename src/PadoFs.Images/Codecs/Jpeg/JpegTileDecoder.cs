using System.Buffers;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Decodes one JPEG-compressed TIFF tile (Compression 7) with libjpeg-turbo into interleaved 8-bit samples, giving
/// the pixels OpenSlide 3.4 gives for the tile: the same library, the same DCT and upsampling, and the colour
/// transform chosen by the Photometric tag rather than guessed from the stream.
/// </summary>
internal static class JpegTileDecoder
{
    public const string CodecName = "JPEG";

    /// <summary>
    /// Decodes <paramref name="tile"/> into <paramref name="destination"/>: <paramref name="height"/> rows of
    /// <paramref name="width"/> pixels, each R, G, B (or one gray byte for <see cref="JpegColorSpace.Gray"/>).
    /// </summary>
    /// <param name="tile">The tile's bytes as stored (TileOffsets/TileByteCounts).</param>
    /// <param name="jpegTables">The page's JPEGTables tag (347), or empty when it has none.</param>
    /// <param name="colorSpace">The page's Photometric tag.</param>
    /// <param name="width">The page's tile width; the stream must be exactly this wide.</param>
    /// <param name="height">The page's tile height; the stream must be exactly this high, or no higher for a strip.</param>
    /// <param name="destination">At least width x height x samples bytes.</param>
    /// <param name="isStrip">True for a strip, the last of which holds only the rows left of the image.</param>
    /// <returns>The rows decoded: <paramref name="height"/>, or fewer for a short strip.</returns>
    /// <exception cref="TileDecodeException">the tile is corrupt, truncated or of another size or sample count.</exception>
    /// <exception cref="DllNotFoundException">libturbojpeg is not installed.</exception>
    public static int Decode(ReadOnlySpan<byte> tile, ReadOnlySpan<byte> jpegTables, JpegColorSpace colorSpace, int width, int height, Span<byte> destination, bool isStrip = false)
    {
        var (samples, pixelFormat) = colorSpace switch
        {
            JpegColorSpace.Gray => (1, TurboJpegNative.PixelFormatGray),
            JpegColorSpace.Rgb or JpegColorSpace.YCbCr => (3, TurboJpegNative.PixelFormatRgb),
            _ => throw new ArgumentOutOfRangeException(nameof(colorSpace), colorSpace, "JPEG tiles are decoded only for photometric MinIsBlack, RGB or YCbCr."),
        };
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (destination.Length < (long)width * height * samples)
        {
            throw new ArgumentException($"A {width} x {height} x {samples} tile needs {(long)width * height * samples} bytes, the destination has {destination.Length}.", nameof(destination));
        }

        var stream = ArrayPool<byte>.Shared.Rent(JpegTileStream.MaxLength(tile.Length, jpegTables.Length));
        try
        {
            var length = JpegTileStream.Assemble(tile, jpegTables, colorSpace, stream, out var frame);
            CheckFrame(frame, width, height, isStrip, samples);

            TurboJpegDecompressor.ForCurrentThread.Decompress(stream.AsSpan(0, length), destination, width, frame.Height, pixelFormat, samples);
            return frame.Height;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stream);
        }
    }

    /// <summary>
    /// Decodes a tile of <paramref name="components"/> components that no colour transform joins (grey plus alpha, or
    /// more samples of a MinIsBlack page) into <paramref name="destination"/>, samples interleaved: each component is
    /// split into a greyscale stream of its own (<see cref="JpegComponentSplitter"/>) and decoded as grey.
    /// </summary>
    /// <returns>The rows decoded: <paramref name="height"/>, or fewer for a short strip.</returns>
    /// <exception cref="TileDecodeException">the tile is corrupt, of another size or component count, or not one the splitter takes.</exception>
    public static int DecodeComponents(ReadOnlySpan<byte> tile, ReadOnlySpan<byte> jpegTables, int components, int width, int height, Span<byte> destination, bool isStrip)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 2);
        if (destination.Length < (long)width * height * components)
        {
            throw new ArgumentException($"A {width} x {height} x {components} tile needs {(long)width * height * components} bytes, the destination has {destination.Length}.", nameof(destination));
        }

        var stream = ArrayPool<byte>.Shared.Rent(JpegTileStream.MaxLength(tile.Length, jpegTables.Length));
        var outputs = new JpegBitWriter[components];
        byte[]? plane = null;
        try
        {
            var length = JpegTileStream.Assemble(tile, jpegTables, JpegColorSpace.Gray, stream, out var frame);
            CheckFrame(frame, width, height, isStrip, components);
            for (var c = 0; c < components; c++)
            {
                outputs[c] = new JpegBitWriter(ArrayPool<byte>.Shared.Rent(JpegComponentSplitter.MaxComponentStreamLength(length)));
            }

            JpegComponentSplitter.Split(stream.AsSpan(0, length), outputs);
            var pixels = width * frame.Height;
            plane = ArrayPool<byte>.Shared.Rent(pixels);
            for (var c = 0; c < components; c++)
            {
                TurboJpegDecompressor.ForCurrentThread.Decompress(outputs[c].Written, plane, width, frame.Height, TurboJpegNative.PixelFormatGray, 1);
                for (int pixel = 0, sample = c; pixel < pixels; pixel++, sample += components)
                {
                    destination[sample] = plane[pixel];
                }
            }

            return frame.Height;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stream);
            foreach (var output in outputs)
            {
                output?.ReturnBuffer();
            }

            if (plane is not null)
            {
                ArrayPool<byte>.Shared.Return(plane);
            }
        }
    }

    /// <summary>
    /// Decodes a three-component <paramref name="tile"/> of exactly <paramref name="width"/> x <paramref name="height"/>
    /// pixels into its Y, Cb and Cr planes as stored, without upsampling or colour transform (libjpeg's raw data).
    /// </summary>
    /// <exception cref="TileDecodeException">the tile is corrupt, truncated or of another size or sample count.</exception>
    public static void DecodePlanes(ReadOnlySpan<byte> tile, ReadOnlySpan<byte> jpegTables, int width, int height, JpegPlanes planes)
    {
        var stream = ArrayPool<byte>.Shared.Rent(JpegTileStream.MaxLength(tile.Length, jpegTables.Length));
        try
        {
            var length = JpegTileStream.Assemble(tile, jpegTables, JpegColorSpace.YCbCr, stream, out var frame);
            if (frame.Width != width || frame.Height != height || frame.Components != 3)
            {
                throw new TileDecodeException(CodecName, $"the stream is {frame.Width} x {frame.Height} pixels of {frame.Components} components, the tile {width} x {height} of 3");
            }

            TurboJpegDecompressor.ForCurrentThread.DecompressToPlanes(stream.AsSpan(0, length), planes, width, height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stream);
        }
    }

    private static void CheckFrame(JpegFrameHeader frame, int width, int height, bool isStrip, int samples)
    {
        if (frame.Width != width || frame.Height > height || (frame.Height != height && !isStrip) || frame.Height == 0)
        {
            throw new TileDecodeException(CodecName, $"the stream is {frame.Width} x {frame.Height} pixels, the tile {width} x {height}");
        }

        if (frame.Components != samples)
        {
            throw new TileDecodeException(CodecName, $"the stream has {frame.Components} components, the image {samples} samples");
        }
    }
}
