namespace PadoFs.Images.Tests.Codecs.Jpeg;

/// <summary>Edits of the header segments of real JPEG streams, to make the streams the decoder must cope with.</summary>
internal static class JpegStreamEditing
{
    private const byte DefineHuffmanTables = 0xC4;
    private const byte StartOfScan = 0xDA;

    /// <summary>The stream without its DHT segments.</summary>
    public static byte[] WithoutHuffmanTables(byte[] stream)
    {
        var kept = new List<byte>(stream.Length);
        var end = 2;
        kept.AddRange(stream.AsSpan(0, 2));
        foreach (var (marker, offset, length) in Segments(stream))
        {
            if (marker != DefineHuffmanTables)
            {
                kept.AddRange(stream.AsSpan(offset, length));
            }

            end = offset + length;
        }

        kept.AddRange(stream.AsSpan(end));
        return [.. kept];
    }

    /// <summary>
    /// The stream with every Huffman table it defines moved to <paramref name="slot"/> and every component of its first
    /// scan using that slot for both DC and AC.
    /// </summary>
    public static byte[] WithHuffmanSlot(byte[] stream, int slot)
    {
        var edited = stream.ToArray();
        foreach (var (marker, offset, length) in Segments(stream))
        {
            if (marker == DefineHuffmanTables)
            {
                for (var table = offset + 4; table < offset + length;)
                {
                    var symbols = edited.AsSpan(table + 1, 16).ToArray().Sum(count => count);
                    edited[table] = (byte)((edited[table] & 0xF0) | slot);
                    table += 17 + symbols;
                }
            }
            else if (marker == StartOfScan)
            {
                for (var component = 0; component < edited[offset + 4]; component++)
                {
                    edited[offset + 6 + (2 * component)] = (byte)((slot << 4) | slot);
                }
            }
        }

        return edited;
    }

    /// <summary>The header segments after SOI, up to and including the first SOS, or up to EOI.</summary>
    private static IEnumerable<(byte Marker, int Offset, int Length)> Segments(byte[] stream)
    {
        for (var offset = 2; offset + 4 <= stream.Length && stream[offset + 1] != 0xD9;)
        {
            var marker = stream[offset + 1];
            var length = 2 + ((stream[offset + 2] << 8) | stream[offset + 3]);
            yield return (marker, offset, length);
            if (marker == StartOfScan)
            {
                yield break;
            }

            offset += length;
        }
    }
}
