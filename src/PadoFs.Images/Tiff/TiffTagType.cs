namespace PadoFs.Images.Tiff;

/// <summary>The field types of TIFF 6 and BigTIFF, with their codes in an IFD entry.</summary>
public enum TiffTagType : ushort
{
    Byte = 1,
    Ascii = 2,
    Short = 3,
    Long = 4,
    Rational = 5,
    SByte = 6,
    Undefined = 7,
    SShort = 8,
    SLong = 9,
    SRational = 10,
    Float = 11,
    Double = 12,
    Ifd = 13,
    Long8 = 16,
    SLong8 = 17,
    Ifd8 = 18,
}
