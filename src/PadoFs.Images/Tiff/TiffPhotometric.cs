namespace PadoFs.Images.Tiff;

/// <summary>TIFF's PhotometricInterpretation codes (tag 262) that decide how samples become colours.</summary>
public static class TiffPhotometric
{
    public const int MinIsWhite = 0;
    public const int MinIsBlack = 1;
    public const int Rgb = 2;
    public const int Palette = 3;
    public const int YCbCr = 6;
}
