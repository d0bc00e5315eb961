namespace PadoFs.Images.Tiff;

/// <summary>The byte order a TIFF file declares in its header (<c>II</c> or <c>MM</c>).</summary>
public enum TiffByteOrder
{
    LittleEndian,
    BigEndian,
}
