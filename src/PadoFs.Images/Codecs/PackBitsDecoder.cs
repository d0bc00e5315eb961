namespace PadoFs.Images.Codecs;

/// <summary>PackBits run-length decoding (TIFF compression 32773).</summary>
public sealed class PackBitsDecoder : IChunkDecoder
{
    public static PackBitsDecoder Instance { get; } = new();

    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var read = 0;
        var written = 0;
        while (read < source.Length && written < destination.Length)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                var literal = Math.Min(header + 1, source.Length - read);
                literal = Math.Min(literal, destination.Length - written);
                source.Slice(read, literal).CopyTo(destination[written..]);
                read += header + 1;
                written += literal;
            }
            else if (header != -128)
            {
                if (read == source.Length)
                {
                    throw new InvalidDataException("PackBits run without its byte.");
                }

                var run = Math.Min(1 - header, destination.Length - written);
                destination.Slice(written, run).Fill(source[read++]);
                written += run;
            }
        }

        return written;
    }
}
