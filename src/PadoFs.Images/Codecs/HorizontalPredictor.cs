using System.Numerics;

namespace PadoFs.Images.Codecs;

/// <summary>
/// Undoes TIFF's horizontal differencing (Predictor 2): every sample was stored as the difference to the same
/// sample of the pixel on its left, row by row, wrapping around like the sample type.
/// </summary>
public static class HorizontalPredictor
{
    /// <summary>
    /// Undoes the differencing in place. Samples must be in the machine's byte order; <paramref name="rowSamples"/>
    /// counts samples (not pixels) per row.
    /// </summary>
    public static void Undo<T>(Span<T> samples, int rowSamples, int samplesPerPixel)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        for (var start = 0; start + rowSamples <= samples.Length; start += rowSamples)
        {
            var row = samples.Slice(start, rowSamples);
            for (var i = samplesPerPixel; i < row.Length; i++)
            {
                row[i] += row[i - samplesPerPixel];
            }
        }
    }
}
