using System.IO.Compression;

namespace PadoFs.Images.Codecs;

/// <summary>zlib-wrapped Deflate (TIFF compression 8 and the older 32946).</summary>
public sealed class DeflateDecoder : IChunkDecoder
{
    public static DeflateDecoder Instance { get; } = new();

    public unsafe int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* start = source)
        {
            using var input = new UnmanagedMemoryStream(start, source.Length);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            return zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
    }
}
