namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Turns TIFF YCbCr samples into RGB by TIFF 6's equations (section 21) with the page's YCbCrCoefficients and
/// ReferenceBlackWhite, in libtiff's 16-bit fixed point and float code scaling, each chroma sample serving the
/// block of pixels it was subsampled from: the pixels libtiff's RGBA interface gives for a YCbCr page.
/// </summary>
internal sealed class TiffYCbCrConverter
{
    private const int Shift = 16;
    private const int Half = 1 << (Shift - 1);
    private const float CodeLimit = 128f * 32;

    private readonly int[] _redFromCr = new int[256];
    private readonly int[] _blueFromCb = new int[256];
    private readonly int[] _greenFromCr = new int[256];
    private readonly int[] _greenFromCb = new int[256];
    private readonly int[] _luma = new int[256];

    /// <param name="coefficients">LumaRed, LumaGreen, LumaBlue.</param>
    /// <param name="referenceBlackWhite">Black and white codes of Y, Cb and Cr.</param>
    public TiffYCbCrConverter(IReadOnlyList<float> coefficients, IReadOnlyList<float> referenceBlackWhite)
    {
        var (red, green, blue) = (coefficients[0], coefficients[1], coefficients[2]);
        var crToRed = 2 - (2 * red);
        var cbToBlue = 2 - (2 * blue);
        var redWeight = Fixed(crToRed);
        var blueWeight = Fixed(cbToBlue);
        var crToGreen = -Fixed(red * crToRed / green);
        var cbToGreen = -Fixed(blue * cbToBlue / green);
        for (var code = 0; code < 256; code++)
        {
            var centred = code - 128;
            var cr = (int)Math.Clamp(Scale(centred, referenceBlackWhite[4] - 128f, referenceBlackWhite[5] - 128f, 127), -CodeLimit, CodeLimit);
            var cb = (int)Math.Clamp(Scale(centred, referenceBlackWhite[2] - 128f, referenceBlackWhite[3] - 128f, 127), -CodeLimit, CodeLimit);
            _redFromCr[code] = ((redWeight * cr) + Half) >> Shift;
            _blueFromCb[code] = ((blueWeight * cb) + Half) >> Shift;
            _greenFromCr[code] = crToGreen * cr;
            _greenFromCb[code] = (cbToGreen * cb) + Half;
            _luma[code] = (int)Math.Clamp(Scale(code, referenceBlackWhite[0], referenceBlackWhite[1], 255), -CodeLimit, CodeLimit);
        }
    }

    /// <summary>Writes <paramref name="height"/> rows of <paramref name="width"/> RGB pixels from the planes of a chunk.</summary>
    public void Convert(JpegPlanes planes, int width, int height, int subsamplingX, int subsamplingY, Span<byte> rgb)
    {
        for (var y = 0; y < height; y++)
        {
            var luma = planes.Luma.Slice(y * width, width);
            var chromaRow = (y / subsamplingY) * planes.ChromaWidth;
            var blue = planes.Blue[chromaRow..];
            var red = planes.Red[chromaRow..];
            var row = rgb.Slice(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var level = _luma[luma[x]];
                var cb = blue[x / subsamplingX];
                var cr = red[x / subsamplingX];
                row[x * 3] = Clamp(level + _redFromCr[cr]);
                row[(x * 3) + 1] = Clamp(level + ((_greenFromCb[cb] + _greenFromCr[cr]) >> Shift));
                row[(x * 3) + 2] = Clamp(level + _blueFromCb[cb]);
            }
        }
    }

    private static int Fixed(float value) => (int)((Math.Clamp(value, 0f, 2f) * (1L << Shift)) + 0.5);

    // A code's value on the reference range, in single precision as libtiff computes it.
    private static float Scale(int code, float black, float white, int range) =>
        (code - (int)black) * (float)range / (white - black != 0 ? white - black : 1);

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
