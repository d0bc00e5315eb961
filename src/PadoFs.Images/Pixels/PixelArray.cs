namespace PadoFs.Images.Pixels;

/// <summary>
/// An H x W x S array of pixels in C order (what pado's <c>get_array</c> returns as a numpy array):
/// rows top to bottom, pixels left to right, samples interleaved, multi-byte samples little-endian.
/// </summary>
public sealed class PixelArray
{
    public PixelArray(int height, int width, PixelFormat format)
        : this(height, width, format, new byte[checked(height * width * format.BytesPerPixel)])
    {
    }

    public PixelArray(int height, int width, PixelFormat format, byte[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (data.Length != (long)height * width * format.BytesPerPixel)
        {
            throw new ArgumentException($"Expected {(long)height * width * format.BytesPerPixel} bytes for {height} x {width} x {format.Samples}, got {data.Length}.", nameof(data));
        }

        Height = height;
        Width = width;
        Format = format;
        Data = data;
    }

    public int Height { get; }

    public int Width { get; }

    public PixelFormat Format { get; }

    public int Samples => Format.Samples;

    /// <summary>The raw bytes, <c>Height * Width * Format.BytesPerPixel</c> long.</summary>
    public byte[] Data { get; }

    public int RowBytes => Width * Format.BytesPerPixel;

    public Span<byte> Row(int y) => Data.AsSpan(y * RowBytes, RowBytes);
}
