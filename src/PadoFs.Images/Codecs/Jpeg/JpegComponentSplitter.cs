using System.Buffers.Binary;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Splits a baseline JPEG stream of several components into one greyscale stream per component, losslessly: the
/// scan's Huffman codes are read (no inverse DCT) and each component's codes and coefficient bits are written into a
/// stream of its own, with its quantization table, its Huffman tables and the same restart interval. TurboJPEG then
/// decodes each as grey with the same inverse DCT libjpeg runs on that component of the whole stream, which is how
/// a stream of 2 or 4 or more components (grey plus alpha, say), which TurboJPEG refuses, is decoded.
/// </summary>
/// <remarks>
/// Only sequential Huffman-coded 8-bit streams whose components are all sampled 1 x 1 are split: a block of the
/// interleaved scan is then a block of the component's own raster, in the same order, so the bits move unchanged.
/// </remarks>
internal static class JpegComponentSplitter
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte BaselineFrame = 0xC0;
    private const byte ExtendedFrame = 0xC1;
    private const byte HuffmanTables = 0xC4;
    private const byte QuantizationTables = 0xDB;
    private const byte DefineRestartInterval = 0xDD;
    private const byte StartOfScan = 0xDA;
    private const byte FirstRestart = 0xD0;
    private const int TableSlots = 4;
    private const int BlockSize = 8;
    private const int CoefficientsPerBlock = 64;

    /// <summary>The most bytes one component's stream takes for a whole stream of <paramref name="streamLength"/> bytes.</summary>
    /// <remarks>Headers take under 1 KiB; the bits are a part of the stream's, at most doubled by stuffing, plus a restart marker where it has one.</remarks>
    public static int MaxComponentStreamLength(int streamLength) => 1024 + (4 * streamLength);

    /// <summary>
    /// Writes the stream of component <c>i</c> of <paramref name="stream"/> (SOI to EOI, every table it needs) to
    /// <paramref name="outputs"/>[i], each at least <see cref="MaxComponentStreamLength"/> long.
    /// </summary>
    /// <exception cref="TileDecodeException">the stream is corrupt, has another number of components, or is not one this splits.</exception>
    public static void Split(ReadOnlySpan<byte> stream, JpegBitWriter[] outputs)
    {
        var state = new SplitState(outputs.Length);
        var position = 2;
        while (true)
        {
            var (marker, segment) = NextSegment(stream, ref position);
            switch (marker)
            {
                case EndOfImage:
                    state.EnsureEveryComponentScanned();
                    return;
                case HuffmanTables:
                    state.DefineHuffmanTables(stream, position - segment, segment);
                    break;
                case QuantizationTables:
                    state.DefineQuantizationTables(stream, position - segment, segment);
                    break;
                case DefineRestartInterval:
                    state.RestartInterval = segment == 4 ? BinaryPrimitives.ReadUInt16BigEndian(stream[(position - 2)..]) : throw Corrupt("a DRI segment of another length than 4");
                    break;
                case BaselineFrame or ExtendedFrame:
                    state.ReadFrame(stream.Slice(position - segment, segment), marker);
                    break;
                case StartOfScan:
                    position = state.SplitScan(stream, position - segment, segment, outputs);
                    break;
                case StartOfImage:
                    throw Corrupt("a second SOI marker");
                case >= 0xC2 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC:
                    throw Corrupt($"a JPEG of {outputs.Length} components is decoded only when baseline or extended sequential with Huffman coding, not SOF 0xFF{marker:X2}");
                default:
                    break;
            }
        }
    }

    /// <summary>The marker at <paramref name="position"/> and the length of its segment; moves past the segment.</summary>
    private static (byte Marker, int SegmentLength) NextSegment(ReadOnlySpan<byte> stream, ref int position)
    {
        while (position + 1 < stream.Length && stream[position] == MarkerPrefix && stream[position + 1] == MarkerPrefix)
        {
            position++;
        }

        if (position + 1 >= stream.Length || stream[position] != MarkerPrefix)
        {
            throw Corrupt($"no marker at byte {position} of the stream");
        }

        var marker = stream[position + 1];
        position += 2;
        if (marker is EndOfImage or StartOfImage or 0x01 or (>= FirstRestart and < FirstRestart + 8))
        {
            return (marker, 0);
        }

        if (position + 2 > stream.Length)
        {
            throw Corrupt("a marker segment is cut off at the end of the stream");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(stream[position..]);
        if (length < 2 || position + length > stream.Length)
        {
            throw Corrupt($"a marker segment (0xFF{marker:X2}) runs past the end of the stream");
        }

        position += length;
        return (marker, length);
    }

    private static TileDecodeException Corrupt(string reason) => new(JpegTileDecoder.CodecName, reason);

    /// <summary>The tables, frame and restart interval in effect while the stream is walked.</summary>
    private sealed class SplitState(int components)
    {
        private readonly (int Offset, int Length)[] _quantization = new (int, int)[TableSlots];
        private readonly (int Offset, int Length)[] _dc = new (int, int)[TableSlots];
        private readonly (int Offset, int Length)[] _ac = new (int, int)[TableSlots];
        private readonly byte[] _componentIds = new byte[components];
        private readonly byte[] _componentQuantization = new byte[components];
        private readonly bool[] _scanned = new bool[components];
        private byte _frameMarker;
        private int _width;
        private int _height;

        public int RestartInterval { get; set; }

        public void DefineHuffmanTables(ReadOnlySpan<byte> stream, int start, int length)
        {
            var at = start + 2;
            var end = start + length;
            while (at < end)
            {
                var classAndSlot = stream[at];
                if ((classAndSlot >> 4) > 1 || (classAndSlot & 0x0F) >= TableSlots)
                {
                    throw Corrupt($"a Huffman table of class {classAndSlot >> 4} in slot {classAndSlot & 0x0F}");
                }

                var tableLength = JpegHuffmanTable.LengthAt(stream[(at + 1)..end]);
                var tables = (classAndSlot >> 4) == 0 ? _dc : _ac;
                tables[classAndSlot & 0x0F] = (at + 1, tableLength);
                at += 1 + tableLength;
            }
        }

        public void DefineQuantizationTables(ReadOnlySpan<byte> stream, int start, int length)
        {
            var at = start + 2;
            var end = start + length;
            while (at < end)
            {
                var precisionAndSlot = stream[at];
                var tableLength = 1 + (CoefficientsPerBlock * ((precisionAndSlot >> 4) == 0 ? 1 : 2));
                if ((precisionAndSlot & 0x0F) >= TableSlots || at + tableLength > end)
                {
                    throw Corrupt("a quantization table out of its slots or segment");
                }

                _quantization[precisionAndSlot & 0x0F] = (at, tableLength);
                at += tableLength;
            }
        }

        public void ReadFrame(ReadOnlySpan<byte> segment, byte marker)
        {
            if (_frameMarker != 0)
            {
                throw Corrupt("a second frame header");
            }

            if (segment.Length < 8 || segment[2] != 8)
            {
                throw Corrupt("a frame header of another precision than 8 bits");
            }

            if (segment[7] != _componentIds.Length || segment.Length != 8 + (3 * segment[7]))
            {
                throw Corrupt($"the stream has {(segment.Length < 8 ? 0 : segment[7])} components, the image {_componentIds.Length} samples");
            }

            _frameMarker = marker;
            _height = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
            _width = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
            for (var c = 0; c < _componentIds.Length; c++)
            {
                var component = segment.Slice(8 + (3 * c), 3);
                if (component[1] != 0x11)
                {
                    throw Corrupt($"component {c + 1} of {_componentIds.Length} is sampled {component[1] >> 4} x {component[1] & 0x0F}; a stream of {_componentIds.Length} components is decoded only with every one sampled 1 x 1");
                }

                _componentIds[c] = component[0];
                _componentQuantization[c] = component[2];
            }
        }

        /// <summary>Moves the blocks of a scan to the streams of its components; returns where the marker after the scan starts.</summary>
        public int SplitScan(ReadOnlySpan<byte> stream, int start, int length, JpegBitWriter[] outputs)
        {
            var header = stream.Slice(start, length);
            var count = header.Length > 2 ? header[2] : 0;
            if (_frameMarker == 0 || count == 0 || header.Length != 6 + (2 * count))
            {
                throw Corrupt(_frameMarker == 0 ? "a scan before the frame header" : "a malformed scan header");
            }

            if (header[^3] != 0 || header[^2] != CoefficientsPerBlock - 1 || header[^1] != 0)
            {
                throw Corrupt("a scan that is not sequential (spectral selection or successive approximation)");
            }

            var scanComponents = new int[count];
            var dc = new JpegHuffmanTable[count];
            var ac = new JpegHuffmanTable[count];
            for (var i = 0; i < count; i++)
            {
                var component = Array.IndexOf(_componentIds, header[3 + (2 * i)]);
                if (component < 0 || _scanned[component])
                {
                    throw Corrupt(component < 0 ? $"a scan of component {header[3 + (2 * i)]}, which the frame does not have" : $"component {component + 1} in two scans");
                }

                _scanned[component] = true;
                scanComponents[i] = component;
                var tables = header[4 + (2 * i)];
                dc[i] = Table(stream, _dc, tables >> 4, isDc: true);
                ac[i] = Table(stream, _ac, tables & 0x0F, isDc: false);
                WriteHeader(stream, outputs[component], component, tables >> 4, tables & 0x0F);
            }

            var reader = new JpegBitReader(stream, start + length);
            var blocks = (long)((_width + BlockSize - 1) / BlockSize) * ((_height + BlockSize - 1) / BlockSize);
            var restart = 0;
            for (long block = 0; block < blocks; block++)
            {
                if (RestartInterval > 0 && block > 0 && block % RestartInterval == 0)
                {
                    reader.Restart(restart);
                    foreach (var component in scanComponents)
                    {
                        outputs[component].WriteMarker((byte)(FirstRestart + restart));
                    }

                    restart = (restart + 1) & 7;
                }

                for (var i = 0; i < count; i++)
                {
                    MoveBlock(ref reader, dc[i], ac[i], outputs[scanComponents[i]]);
                }
            }

            reader.SkipToEnd();
            foreach (var component in scanComponents)
            {
                outputs[component].WriteMarker(EndOfImage);
            }

            return reader.Position;
        }

        public void EnsureEveryComponentScanned()
        {
            var missing = Array.IndexOf(_scanned, false);
            if (_frameMarker == 0 || missing >= 0)
            {
                throw Corrupt(_frameMarker == 0 ? "the stream has no frame header" : $"component {missing + 1} is in no scan");
            }
        }

        // One block as libjpeg reads it: a DC difference, then AC codes up to the end-of-block code or the 63rd coefficient.
        private static void MoveBlock(ref JpegBitReader reader, JpegHuffmanTable dc, JpegHuffmanTable ac, JpegBitWriter output)
        {
            var bits = dc.ReadSymbol(ref reader, out var code, out var codeLength);
            output.WriteBits(code, codeLength);
            if (bits > 0)
            {
                output.WriteBits(reader.ReadBits(bits), bits);
            }

            for (var k = 1; k < CoefficientsPerBlock; k++)
            {
                var symbol = ac.ReadSymbol(ref reader, out code, out codeLength);
                output.WriteBits(code, codeLength);
                var run = symbol >> 4;
                bits = symbol & 0x0F;
                if (bits > 0)
                {
                    k += run;
                    output.WriteBits(reader.ReadBits(bits), bits);
                }
                else if (run == 15)
                {
                    k += 15;
                }
                else
                {
                    break;
                }
            }
        }

        private static JpegHuffmanTable Table(ReadOnlySpan<byte> stream, (int Offset, int Length)[] slots, int slot, bool isDc)
        {
            if (slot >= TableSlots || slots[slot].Length == 0)
            {
                throw Corrupt($"the scan uses {(isDc ? "DC" : "AC")} Huffman table {slot}, which the stream does not define");
            }

            return new JpegHuffmanTable(stream.Slice(slots[slot].Offset, slots[slot].Length), isDc);
        }

        // The component's own stream up to its scan data: its tables, a one-component frame, a one-component scan.
        private void WriteHeader(ReadOnlySpan<byte> stream, JpegBitWriter output, int component, int dcSlot, int acSlot)
        {
            var quantization = _quantization[_componentQuantization[component] & 0x0F];
            if (_componentQuantization[component] >= TableSlots || quantization.Length == 0)
            {
                throw Corrupt($"component {component + 1} uses quantization table {_componentQuantization[component]}, which the stream does not define");
            }

            var (dc, ac) = (_dc[dcSlot], _ac[acSlot]);
            output.WriteBytes(MarkerPrefix, StartOfImage);
            output.WriteBytes(MarkerPrefix, QuantizationTables, (byte)((2 + quantization.Length) >> 8), (byte)(2 + quantization.Length));
            output.WriteBytes(stream.Slice(quantization.Offset, quantization.Length));
            var huffmanLength = 2 + 1 + dc.Length + 1 + ac.Length;
            output.WriteBytes(MarkerPrefix, HuffmanTables, (byte)(huffmanLength >> 8), (byte)huffmanLength, (byte)dcSlot);
            output.WriteBytes(stream.Slice(dc.Offset, dc.Length));
            output.WriteBytes((byte)(0x10 | acSlot));
            output.WriteBytes(stream.Slice(ac.Offset, ac.Length));
            if (RestartInterval > 0)
            {
                output.WriteBytes(MarkerPrefix, DefineRestartInterval, 0, 4, (byte)(RestartInterval >> 8), (byte)RestartInterval);
            }

            var id = _componentIds[component];
            output.WriteBytes(MarkerPrefix, _frameMarker, 0, 11, 8, (byte)(_height >> 8), (byte)_height, (byte)(_width >> 8), (byte)_width, 1, id, 0x11, _componentQuantization[component]);
            output.WriteBytes(MarkerPrefix, StartOfScan, 0, 8, 1, id, (byte)((dcSlot << 4) | acSlot), 0, CoefficientsPerBlock - 1, 0);
        }
    }
}
