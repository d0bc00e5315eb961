namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// One Huffman table of a DHT segment, for reading the codes of a scan: its code counts per length and symbols as
/// stored (the body a DHT segment gives the slot), checked as libjpeg checks a table before it decodes with it.
/// </summary>
internal sealed class JpegHuffmanTable
{
    private const int MaxCodeLength = 16;

    private readonly byte[] _definition;
    private readonly int[] _maxCode = new int[MaxCodeLength + 1];
    private readonly int[] _firstSymbol = new int[MaxCodeLength + 1];
    private readonly int[] _firstCode = new int[MaxCodeLength + 1];

    /// <param name="definition">16 code counts (lengths 1 to 16), then the symbols in code order.</param>
    /// <param name="isDc">True for a DC table, whose symbols are bit counts of at most 15.</param>
    /// <exception cref="TileDecodeException">the counts do not describe a prefix code, or a DC symbol is out of range.</exception>
    public JpegHuffmanTable(ReadOnlySpan<byte> definition, bool isDc)
    {
        _definition = definition.ToArray();
        var code = 0;
        var symbol = 0;
        for (var length = 1; length <= MaxCodeLength; length++)
        {
            int count = definition[length - 1];
            _firstSymbol[length] = symbol;
            _firstCode[length] = code;
            _maxCode[length] = count == 0 ? -1 : code + count - 1;
            code += count;
            symbol += count;

            // libjpeg refuses a table whose codes of one length overflow it (the all-ones code included).
            if (code >= 1 << length)
            {
                throw Corrupt("a Huffman table defines more codes than its code lengths hold");
            }

            code <<= 1;
        }

        if (isDc && Symbols.IndexOfAnyInRange((byte)16, byte.MaxValue) >= 0)
        {
            throw Corrupt("a DC Huffman table has a symbol above 15");
        }
    }

    private ReadOnlySpan<byte> Symbols => _definition.AsSpan(MaxCodeLength);

    /// <summary>How many bytes of <paramref name="segmentBody"/> (starting at the 16 counts) the table takes.</summary>
    /// <exception cref="TileDecodeException">the table runs past the end of the segment.</exception>
    public static int LengthAt(ReadOnlySpan<byte> segmentBody)
    {
        if (segmentBody.Length < MaxCodeLength)
        {
            throw Corrupt("a truncated Huffman table");
        }

        var symbols = 0;
        foreach (var count in segmentBody[..MaxCodeLength])
        {
            symbols += count;
        }

        if (symbols > 256 || MaxCodeLength + symbols > segmentBody.Length)
        {
            throw Corrupt("a truncated Huffman table");
        }

        return MaxCodeLength + symbols;
    }

    /// <summary>Reads one code from <paramref name="reader"/>; gives its symbol, and the code and its length as read.</summary>
    /// <exception cref="TileDecodeException">the bits form no code of the table (libjpeg warns "bad Huffman code").</exception>
    public int ReadSymbol(ref JpegBitReader reader, out int code, out int length)
    {
        code = 0;
        for (length = 1; length <= MaxCodeLength; length++)
        {
            code = (code << 1) | reader.ReadBit();
            if (code <= _maxCode[length])
            {
                return Symbols[_firstSymbol[length] + code - _firstCode[length]];
            }
        }

        throw Corrupt("a bad Huffman code in the scan");
    }

    private static TileDecodeException Corrupt(string reason) => new(JpegTileDecoder.CodecName, reason);
}
