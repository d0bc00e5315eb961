namespace PadoFs.Images.Pixels;

/// <summary>The numeric type of one sample, as numpy names it.</summary>
public enum PixelType
{
    UInt8,
    UInt16,
}
