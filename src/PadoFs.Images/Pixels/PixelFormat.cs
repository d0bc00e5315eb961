namespace PadoFs.Images.Pixels;

/// <summary>How one pixel is stored in arrays handed out: <see cref="Samples"/> interleaved samples of <see cref="Type"/>, little-endian.</summary>
public readonly record struct PixelFormat(int Samples, PixelType Type)
{
    public static PixelFormat Rgb8 => new(3, PixelType.UInt8);

    public int BytesPerSample => Type switch
    {
        PixelType.UInt8 or PixelType.Int8 => 1,
        PixelType.UInt16 or PixelType.Int16 or PixelType.Float16 => 2,
        PixelType.UInt32 or PixelType.Int32 or PixelType.Float32 => 4,
        _ => 8,
    };

    public int BytesPerPixel => Samples * BytesPerSample;

    /// <summary>The numpy dtype string of one sample as numpy writes it, e.g. <c>|u1</c>, <c>&lt;u2</c> or <c>&lt;f4</c>.</summary>
    public string NumpyDType => Type switch
    {
        PixelType.UInt8 => "|u1",
        PixelType.Int8 => "|i1",
        PixelType.UInt16 => "<u2",
        PixelType.Int16 => "<i2",
        PixelType.UInt32 => "<u4",
        PixelType.Int32 => "<i4",
        PixelType.Float16 => "<f2",
        PixelType.Float32 => "<f4",
        _ => "<f8",
    };

    /// <summary>True for float16/32/64 samples, whose values are not bounded by their type as integers are.</summary>
    public bool IsFloatingPoint => Type is PixelType.Float16 or PixelType.Float32 or PixelType.Float64;
}
