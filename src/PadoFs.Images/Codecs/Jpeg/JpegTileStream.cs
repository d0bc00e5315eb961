using System.Buffers.Binary;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Turns a TIFF JPEG tile into one interchange-format stream that a reused decoder reads the way OpenSlide reads
/// the tile with a new one: SOI, <see cref="JpegHuffmanReset"/>, the page's JPEGTables segments (its tables-only
/// stream without SOI and EOI), the tile's own header segments, then the tile's scans up to its EOI. OpenSlide
/// instead feeds libjpeg the tables stream and then the tile; both load the same tables, and a tile segment that
/// redefines a table replaces it in both.
/// </summary>
/// <remarks>
/// OpenSlide sets libjpeg's <c>jpeg_color_space</c> from the Photometric tag, which TurboJPEG cannot. libjpeg takes
/// the colour space from the last Adobe APP14 marker before the scan unless a JFIF APP0 marker is present, so for
/// three-component tiles the JFIF and Adobe segments are left out and an Adobe segment whose transform says RGB (0)
/// or YCbCr (1) goes right before the scan. Nothing else in libjpeg reads those two segments.
/// </remarks>
internal static class JpegTileStream
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte DefineQuantizationTables = 0xDB;
    private const byte Jfif = 0xE0;
    private const byte Adobe = 0xEE;

    /// <summary>APP14 "Adobe", version 100, no flags, then the transform byte.</summary>
    private static ReadOnlySpan<byte> AdobeSegment =>
        [MarkerPrefix, Adobe, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>The most bytes <see cref="Assemble"/> writes for a tile and tables of these lengths.</summary>
    public static int MaxLength(int tileLength, int tablesLength) =>
        2 + JpegHuffmanReset.Segment.Length + tablesLength + tileLength + AdobeSegment.Length;

    /// <summary>
    /// Writes the stream to <paramref name="output"/> (at least <see cref="MaxLength"/> long) and returns its length.
    /// </summary>
    /// <param name="tile">The tile's bytes: SOI, header segments, scans, EOI.</param>
    /// <param name="tables">The page's JPEGTables (SOI, table segments, EOI), or empty when it has none.</param>
    /// <param name="colorSpace">The page's photometric interpretation.</param>
    /// <param name="output">Receives the stream.</param>
    /// <param name="frame">The tile's frame header.</param>
    /// <exception cref="TileDecodeException">
    /// the tile or tables are not JPEG marker streams of the expected shape, or the tile uses a quantization table that
    /// neither defines (a reused decoder still has the table of an earlier tile, where a new one fails).
    /// </exception>
    public static int Assemble(ReadOnlySpan<byte> tile, ReadOnlySpan<byte> tables, JpegColorSpace colorSpace, Span<byte> output, out JpegFrameHeader frame)
    {
        var forcesColorSpace = colorSpace != JpegColorSpace.Gray;
        output[0] = MarkerPrefix;
        output[1] = StartOfImage;
        JpegHuffmanReset.Segment.CopyTo(output[2..]);
        var written = 2 + JpegHuffmanReset.Segment.Length;
        var header = default(Header);
        if (!tables.IsEmpty)
        {
            CopyHeader(tables, isTables: true, forcesColorSpace, output, ref written, ref header);
        }

        var scan = CopyHeader(tile, isTables: false, forcesColorSpace, output, ref written, ref header);
        frame = header.Frame;
        if (frame.Components == 0)
        {
            throw Corrupt("the tile has no frame header (SOF marker) before its scan");
        }

        var undefined = frame.QuantizationTables & ~header.DefinedQuantizationTables;
        if (undefined != 0)
        {
            throw Corrupt($"quantization table {System.Numerics.BitOperations.TrailingZeroCount(undefined)} is used but defined neither in the JPEGTables nor in the tile");
        }

        if (forcesColorSpace)
        {
            AdobeSegment.CopyTo(output[written..]);
            written += AdobeSegment.Length;
            output[written - 1] = colorSpace == JpegColorSpace.Rgb ? (byte)0 : (byte)1;
        }

        tile[scan..].CopyTo(output[written..]);
        return written + tile.Length - scan;
    }

    /// <summary>
    /// Copies the marker segments after the SOI of <paramref name="source"/> up to its first SOS (the tile) or its EOI
    /// (the tables) and returns where that marker starts.
    /// </summary>
    private static int CopyHeader(ReadOnlySpan<byte> source, bool isTables, bool dropsColorMarkers, Span<byte> output, ref int written, ref Header header)
    {
        var what = isTables ? "JPEGTables" : "tile";
        if (source.Length < 2 || source[0] != MarkerPrefix || source[1] != StartOfImage)
        {
            throw Corrupt($"no JPEG SOI marker at the start of the {what}");
        }

        var position = 2;
        while (true)
        {
            if (position + 1 >= source.Length)
            {
                throw Corrupt(isTables ? "no EOI marker at the end of the JPEGTables" : "the tile ends before its scan (no SOS marker)");
            }

            if (source[position] != MarkerPrefix)
            {
                throw Corrupt($"no marker at byte {position} of the {what} (0x{source[position]:X2})");
            }

            if (source[position + 1] == MarkerPrefix)
            {
                position++;
                continue;
            }

            var marker = source[position + 1];
            if (marker == StartOfScan || marker == EndOfImage)
            {
                if (isTables != (marker == EndOfImage))
                {
                    throw Corrupt(isTables ? "a scan in the JPEGTables" : "the tile ends (EOI) before its scan");
                }

                return position;
            }

            if (marker == StartOfImage)
            {
                throw Corrupt($"a second SOI marker in the {what}");
            }

            var segmentLength = 2 + (IsStandalone(marker) ? 0 : SegmentLength(source, position, what));
            var segment = source.Slice(position, segmentLength);
            if (IsFrameHeader(marker))
            {
                header.Frame = ReadFrameHeader(segment, header.Frame, what);
            }
            else if (marker == DefineQuantizationTables)
            {
                header.DefinedQuantizationTables |= ReadQuantizationTableSlots(segment, what);
            }

            if (!(dropsColorMarkers && (marker == Jfif || marker == Adobe)))
            {
                segment.CopyTo(output[written..]);
                written += segmentLength;
            }

            position += segmentLength;
        }
    }

    private static int SegmentLength(ReadOnlySpan<byte> source, int position, string what)
    {
        if (position + 4 > source.Length)
        {
            throw Corrupt($"a marker is cut off at the end of the {what}");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(source[(position + 2)..]);
        if (length < 2 || position + 2 + length > source.Length)
        {
            throw Corrupt($"a marker segment (0xFF{source[position + 1]:X2} at byte {position}) runs past the end of the {what}");
        }

        return length;
    }

    private static JpegFrameHeader ReadFrameHeader(ReadOnlySpan<byte> segment, JpegFrameHeader previous, string what)
    {
        if (previous.Components != 0)
        {
            throw Corrupt($"a second frame header in the {what}");
        }

        var components = segment.Length < 10 ? 0 : segment[9];
        if (components == 0 || segment.Length < 10 + (3 * components))
        {
            throw Corrupt($"a truncated frame header in the {what}");
        }

        var quantizationTables = 0;
        for (var c = 0; c < components; c++)
        {
            quantizationTables |= 1 << (segment[10 + (3 * c) + 2] & 0x1F);
        }

        return new JpegFrameHeader(
            Width: BinaryPrimitives.ReadUInt16BigEndian(segment[7..]),
            Height: BinaryPrimitives.ReadUInt16BigEndian(segment[5..]),
            Components: components,
            QuantizationTables: quantizationTables);
    }

    /// <summary>The slots a DQT segment fills, as a bit mask: each table is a slot byte then 64 one- or two-byte values.</summary>
    private static int ReadQuantizationTableSlots(ReadOnlySpan<byte> segment, string what)
    {
        var slots = 0;
        var position = 4;
        while (position < segment.Length)
        {
            var precisionAndSlot = segment[position];
            slots |= 1 << (precisionAndSlot & 0x0F);
            position += 1 + (64 * ((precisionAndSlot >> 4) == 0 ? 1 : 2));
        }

        if (position != segment.Length)
        {
            throw Corrupt($"a truncated quantization table in the {what}");
        }

        return slots;
    }

    /// <summary>SOF0 to SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>TEM and RST0 to RST7 carry no length.</summary>
    private static bool IsStandalone(byte marker) => marker is 0x01 or (>= 0xD0 and <= 0xD7);

    private static TileDecodeException Corrupt(string reason) => new(JpegTileDecoder.CodecName, reason);

    /// <summary>What the header segments copied so far declared.</summary>
    private struct Header
    {
        public JpegFrameHeader Frame;

        /// <summary>Bit mask of the quantization table slots DQT segments filled.</summary>
        public int DefinedQuantizationTables;
    }
}
