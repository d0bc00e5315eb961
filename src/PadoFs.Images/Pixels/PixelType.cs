namespace PadoFs.Images.Pixels;

/// <summary>The numeric type of one sample, as numpy names it.</summary>
public enum PixelType
{
    UInt8,
    UInt16,
    Int8,
    Int16,
    UInt32,
    Int32,
    Float16,
    Float32,
    Float64,
}
