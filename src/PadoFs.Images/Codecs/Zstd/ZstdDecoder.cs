namespace PadoFs.Images.Codecs.Zstd;

/// <summary>Zstandard (TIFF compression 50000): one or more zstd frames per chunk, decompressed by libzstd.</summary>
public sealed unsafe class ZstdDecoder : IChunkDecoder
{
    public static readonly ZstdDecoder Instance = new();

    private ZstdDecoder()
    {
    }

    /// <exception cref="InvalidDataException">the data is no zstd frame, is corrupt, or decompresses to more than <paramref name="destination"/> holds.</exception>
    /// <exception cref="DllNotFoundException">libzstd is not installed.</exception>
    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            var stated = ZstdNative.FrameContentSize(input, (nuint)source.Length);
            if (stated == ZstdNative.ContentSizeError)
            {
                throw new InvalidDataException("Zstandard: not a zstd frame");
            }

            // A chunk never holds more than its grid cell: libzstd refuses to write past the capacity instead of truncating.
            if (stated != ulong.MaxValue && stated > (ulong)destination.Length)
            {
                throw new InvalidDataException($"Zstandard: the frame holds {stated} bytes, more than the {destination.Length} of the chunk");
            }

            var written = ZstdNative.Decompress(output, (nuint)destination.Length, input, (nuint)source.Length);
            return ZstdNative.IsError(written)
                ? throw new InvalidDataException("Zstandard: " + ZstdNative.ErrorName(written))
                : (int)written;
        }
    }
}
