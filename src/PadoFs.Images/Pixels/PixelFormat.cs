namespace PadoFs.Images.Pixels;

/// <summary>How one pixel is stored in arrays handed out: <see cref="Samples"/> interleaved samples of <see cref="Type"/>, little-endian.</summary>
public readonly record struct PixelFormat(int Samples, PixelType Type)
{
    public static PixelFormat Rgb8 => new(3, PixelType.UInt8);

    public int BytesPerSample => Type == PixelType.UInt16 ? 2 : 1;

    public int BytesPerPixel => Samples * BytesPerSample;

    /// <summary>The numpy dtype string of one sample, e.g. <c>|u1</c> or <c>&lt;u2</c>.</summary>
    public string NumpyDType => Type == PixelType.UInt16 ? "<u2" : "|u1";
}
