namespace PadoFs.Zarr.Stores;

/// <summary>
/// Reads a (c, y, x) chunk out of decoded (y, x, c) pixels without building the planar chunk: the byte at
/// planar position p is gathered from its interleaved position.
/// </summary>
internal static class ChannelPlanes
{
    public static void Copy(ReadOnlySpan<byte> interleaved, int samples, int bytesPerSample, long offset, Span<byte> destination)
    {
        var pixelStride = samples * bytesPerSample;
        var planeLength = interleaved.Length / samples;
        var position = (int)offset;
        var written = 0;
        while (written < destination.Length)
        {
            var plane = position / planeLength;
            var inPlane = position - plane * planeLength;
            var pixel = inPlane / bytesPerSample;
            var sampleByte = inPlane - pixel * bytesPerSample;
            var count = Math.Min(destination.Length - written, planeLength - inPlane);
            var source = pixel * pixelStride + plane * bytesPerSample + sampleByte;
            if (bytesPerSample == 1)
            {
                for (var i = 0; i < count; i++, source += pixelStride)
                {
                    destination[written + i] = interleaved[source];
                }
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    destination[written + i] = interleaved[source];
                    sampleByte++;
                    if (sampleByte == bytesPerSample)
                    {
                        sampleByte = 0;
                        source += pixelStride - bytesPerSample + 1;
                    }
                    else
                    {
                        source++;
                    }
                }
            }

            written += count;
            position += count;
        }
    }
}
