namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// YCbCr to RGB for Aperio 33003 tiles in OpenSlide 3.4's fixed-point arithmetic (full-range JFIF coefficients):
/// R = Y + round(1.402 (Cr - 128)), B = Y + round(1.772 (Cb - 128)), G = Y + floor((round(2^16 (0.5 - 0.34414 (Cb -
/// 128))) + round(2^16 (-0.71414) (Cr - 128))) / 2^16), each clamped to 0..255. The tables are computed with the same
/// double expressions and half-away-from-zero rounding as OpenSlide's, so every entry is the same integer.
/// </summary>
internal static class AperioYCbCr
{
    private static readonly int[] s_redFromCr = Table(i => 1.402 * (i - 128));
    private static readonly int[] s_greenFromCb = Table(i => (1 << 16) * (0.5 - (0.34414 * (i - 128))));
    private static readonly int[] s_greenFromCr = Table(i => (1 << 16) * -0.71414 * (i - 128));
    private static readonly int[] s_blueFromCb = Table(i => 1.772 * (i - 128));

    /// <summary>Writes the R, G, B of one pixel to the first three bytes of <paramref name="rgb"/>.</summary>
    public static void ToRgb(byte y, byte cb, byte cr, Span<byte> rgb)
    {
        rgb[0] = Clamp(y + s_redFromCr[cr]);
        rgb[1] = Clamp(y + ((s_greenFromCb[cb] + s_greenFromCr[cr]) >> 16));
        rgb[2] = Clamp(y + s_blueFromCb[cb]);
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static int[] Table(Func<int, double> entry)
    {
        var table = new int[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (int)Math.Round(entry(i), MidpointRounding.AwayFromZero);
        }

        return table;
    }
}
