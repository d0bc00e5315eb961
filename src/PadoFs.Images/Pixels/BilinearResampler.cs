using System.Buffers.Binary;

namespace PadoFs.Images.Pixels;

/// <summary>
/// Bilinear resizing with pixel centres aligned (OpenCV's <c>INTER_LINEAR</c>, which pado's
/// <c>get_array_at_mpp</c> uses): destination pixel centre x+0.5 maps to source x' = (x+0.5)*sw/dw - 0.5,
/// clamped to the edge pixels; each sample is the weighted mean of its four neighbours, rounded to nearest.
/// </summary>
public static class BilinearResampler
{
    public static PixelArray Resize(PixelArray source, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (source.Format.Type is not (PixelType.UInt8 or PixelType.UInt16))
        {
            // Rounding and clamping to the type's range, as OpenCV does it, is defined here for unsigned 8/16-bit only.
            throw new NotSupportedException($"Resampling {source.Format.NumpyDType} samples is not supported; read such slides by level.");
        }

        var result = new PixelArray(height, width, source.Format);
        var columns = Taps.For(source.Width, width);
        var rows = Taps.For(source.Height, height);
        var samples = source.Samples;
        var wide = source.Format.Type == PixelType.UInt16;
        var maxValue = wide ? ushort.MaxValue : byte.MaxValue;
        for (var y = 0; y < height; y++)
        {
            var top = source.Row(rows.Lower[y]);
            var bottom = source.Row(rows.Upper[y]);
            var wy = rows.Weight[y];
            var output = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                var left = columns.Lower[x] * samples;
                var right = columns.Upper[x] * samples;
                var wx = columns.Weight[x];
                for (var s = 0; s < samples; s++)
                {
                    var upper = Lerp(Sample(top, left + s, wide), Sample(top, right + s, wide), wx);
                    var lower = Lerp(Sample(bottom, left + s, wide), Sample(bottom, right + s, wide), wx);
                    var value = Math.Clamp(Math.Round(Lerp(upper, lower, wy), MidpointRounding.AwayFromZero), 0, maxValue);
                    var index = x * samples + s;
                    if (wide)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(output[(index * 2)..], (ushort)value);
                    }
                    else
                    {
                        output[index] = (byte)value;
                    }
                }
            }
        }

        return result;
    }

    private static double Lerp(double a, double b, double weight) => a + (b - a) * weight;

    private static double Sample(Span<byte> row, int index, bool wide) =>
        wide ? BinaryPrimitives.ReadUInt16LittleEndian(row[(index * 2)..]) : row[index];

    /// <summary>Per destination coordinate: the two source coordinates around it and the weight of the upper one.</summary>
    private sealed class Taps
    {
        private Taps(int count)
        {
            Lower = new int[count];
            Upper = new int[count];
            Weight = new double[count];
        }

        public int[] Lower { get; }

        public int[] Upper { get; }

        public double[] Weight { get; }

        public static Taps For(int sourceLength, int destinationLength)
        {
            var taps = new Taps(destinationLength);
            var scale = (double)sourceLength / destinationLength;
            for (var i = 0; i < destinationLength; i++)
            {
                var position = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
                var lower = (int)Math.Floor(position);
                taps.Lower[i] = lower;
                taps.Upper[i] = Math.Min(lower + 1, sourceLength - 1);
                taps.Weight[i] = position - lower;
            }

            return taps;
        }
    }
}
