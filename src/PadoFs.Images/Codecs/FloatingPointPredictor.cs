using System.Buffers;

namespace PadoFs.Images.Codecs;

/// <summary>
/// Undoes TIFF's floating-point predictor (Predictor 3, Adobe Photoshop TIFF technical note 3): each row holds the
/// most significant bytes of all its samples, then the next bytes, and so on, and that byte row is horizontally
/// differenced per sample of a pixel. The bytes are most significant first whatever the file's byte order.
/// </summary>
public static class FloatingPointPredictor
{
    /// <summary>
    /// Undoes the predictor in place, leaving little-endian samples; <paramref name="rowSamples"/> counts samples (not
    /// pixels) per row. A partial row at the end (a short last strip) is left as it is: no writer stores one.
    /// </summary>
    public static void Undo(Span<byte> data, int rowSamples, int samplesPerPixel, int bytesPerSample)
    {
        var rowBytes = rowSamples * bytesPerSample;
        var rented = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            var planes = rented.AsSpan(0, rowBytes);
            for (var start = 0; start + rowBytes <= data.Length; start += rowBytes)
            {
                var row = data.Slice(start, rowBytes);
                for (var i = samplesPerPixel; i < row.Length; i++)
                {
                    row[i] += row[i - samplesPerPixel];
                }

                row.CopyTo(planes);
                for (var significance = 0; significance < bytesPerSample; significance++)
                {
                    var plane = planes.Slice(significance * rowSamples, rowSamples);
                    var position = bytesPerSample - 1 - significance;
                    for (var sample = 0; sample < rowSamples; sample++)
                    {
                        row[(sample * bytesPerSample) + position] = plane[sample];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
