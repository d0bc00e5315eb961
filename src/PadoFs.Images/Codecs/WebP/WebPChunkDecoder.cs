namespace PadoFs.Images.Codecs.WebP;

/// <summary>
/// WebP (TIFF compression 50001): one WebP stream per chunk, decoded by libwebp into R, G, B or R, G, B, A rows of
/// the chunk's width, as tifffile decodes it. A stream smaller than the chunk (a short last strip) fills its top left.
/// </summary>
public sealed unsafe class WebPChunkDecoder : IChunkDecoder
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _samples;

    /// <param name="samples">3 for RGB, 4 for RGBA.</param>
    public WebPChunkDecoder(int width, int height, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (samples is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "WebP holds 3 (RGB) or 4 (RGBA) samples.");
        }

        (_width, _height, _samples) = (width, height, samples);
    }

    /// <exception cref="InvalidDataException">the stream is corrupt or larger than the chunk.</exception>
    /// <exception cref="DllNotFoundException">libwebp is not installed.</exception>
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var stride = _width * _samples;
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            if (!WebPNative.GetInfo(input, (nuint)source.Length, out var width, out var height))
            {
                throw new InvalidDataException("WebP: not a WebP stream");
            }

            if (width > _width || height > _height || (long)height * stride > destination.Length)
            {
                throw new InvalidDataException($"WebP: the stream is {width} x {height} pixels, larger than the {_width} x {_height} chunk");
            }

            if (width < _width)
            {
                destination[..(height * stride)].Clear();
            }

            if (!WebPNative.DecodeInto(input, (nuint)source.Length, output, (nuint)(height * stride), stride, _samples == 4))
            {
                throw new InvalidDataException("WebP: the stream does not decode");
            }

            return height * stride;
        }
    }
}
