namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// The marker segments an old-style JPEG TIFF page (compression 6) keeps in tags, written out as the interchange
/// format: a tables-only stream (quantization and Huffman tables, restart interval) shared by the page's chunks,
/// and the frame and scan headers that go before each chunk's entropy-coded data.
/// </summary>
internal static class OldJpegStream
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte BaselineFrame = 0xC0;
    private const byte HuffmanTables = 0xC4;
    private const byte QuantizationTables = 0xDB;
    private const byte RestartInterval = 0xDD;
    private const byte StartOfScan = 0xDA;
    private const int QuantizationTableLength = 64;

    /// <summary>Bytes <see cref="WriteChunkHeader"/> writes for <paramref name="components"/> components.</summary>
    public static int ChunkHeaderLength(int components) => 2 + (10 + (3 * components)) + (8 + (2 * components));

    /// <summary>
    /// The tables-only stream (SOI, DQT, DHT, DRI, EOI) of quantization tables of 64 bytes in zigzag order and
    /// Huffman tables of 16 code counts followed by the values, table <c>i</c> under id <c>i</c>.
    /// </summary>
    public static byte[] Tables(IReadOnlyList<byte[]> quantization, IReadOnlyList<byte[]> dc, IReadOnlyList<byte[]> ac, int restartInterval)
    {
        var stream = new List<byte> { MarkerPrefix, StartOfImage };
        var quantizationLength = 2 + (quantization.Count * (1 + QuantizationTableLength));
        stream.AddRange([MarkerPrefix, QuantizationTables, (byte)(quantizationLength >> 8), (byte)quantizationLength]);
        for (var i = 0; i < quantization.Count; i++)
        {
            stream.Add((byte)i);
            stream.AddRange(quantization[i]);
        }

        var huffmanLength = 2;
        foreach (var table in dc.Concat(ac))
        {
            huffmanLength += 1 + table.Length;
        }

        stream.AddRange([MarkerPrefix, HuffmanTables, (byte)(huffmanLength >> 8), (byte)huffmanLength]);
        AddHuffman(stream, dc, tableClass: 0);
        AddHuffman(stream, ac, tableClass: 1);
        if (restartInterval > 0)
        {
            stream.AddRange([MarkerPrefix, RestartInterval, 0, 4, (byte)(restartInterval >> 8), (byte)restartInterval]);
        }

        stream.AddRange([MarkerPrefix, EndOfImage]);
        return [.. stream];
    }

    /// <summary>
    /// Writes SOI, a baseline frame header and a scan header over all components to <paramref name="output"/> and
    /// returns <see cref="ChunkHeaderLength"/>. Component <c>i</c> uses tables <c>min(i, count - 1)</c>; the first
    /// is sampled <paramref name="subsamplingX"/> x <paramref name="subsamplingY"/> times as densely as the others.
    /// </summary>
    public static int WriteChunkHeader(Span<byte> output, int width, int height, int components, int subsamplingX, int subsamplingY, OldJpegTableCounts tables)
    {
        var frameLength = 8 + (3 * components);
        var at = 0;
        Write(output, ref at, MarkerPrefix, StartOfImage, MarkerPrefix, BaselineFrame, (byte)(frameLength >> 8), (byte)frameLength, 8,
            (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components);
        for (var c = 0; c < components; c++)
        {
            var sampling = c == 0 && components > 1 ? (subsamplingX << 4) | subsamplingY : 0x11;
            Write(output, ref at, (byte)(c + 1), (byte)sampling, (byte)Math.Min(c, tables.Quantization - 1));
        }

        var scanLength = 6 + (2 * components);
        Write(output, ref at, MarkerPrefix, StartOfScan, (byte)(scanLength >> 8), (byte)scanLength, (byte)components);
        for (var c = 0; c < components; c++)
        {
            Write(output, ref at, (byte)(c + 1), (byte)((Math.Min(c, tables.Dc - 1) << 4) | Math.Min(c, tables.Ac - 1)));
        }

        Write(output, ref at, 0, 63, 0);
        return at;
    }

    /// <summary>Writes EOI to <paramref name="output"/>.</summary>
    public static int WriteEnd(Span<byte> output)
    {
        output[0] = MarkerPrefix;
        output[1] = EndOfImage;
        return 2;
    }

    private static void AddHuffman(List<byte> stream, IReadOnlyList<byte[]> tables, int tableClass)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            stream.Add((byte)((tableClass << 4) | i));
            stream.AddRange(tables[i]);
        }
    }

    private static void Write(Span<byte> output, ref int at, params ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output[at..]);
        at += bytes.Length;
    }
}
