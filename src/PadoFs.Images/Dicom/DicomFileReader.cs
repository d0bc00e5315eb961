namespace PadoFs.Images.Dicom;

/// <summary>
/// Reads a DICOM Part 10 file: the preamble and "DICM", the file meta information (explicit VR little endian), then
/// the dataset in explicit or implicit VR little endian, with sequences and items of defined and undefined length,
/// up to the pixel data, of which only where each fragment (or native frame) lies is recorded. Every length is
/// checked against what is left of the file before anything is read or allocated, and nesting is bounded.
/// </summary>
public static class DicomFileReader
{
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>The most bytes one element other than the pixel data may hold: more is no whole-slide header.</summary>
    public const long MaxValueBytes = 64L << 20;

    private const int MaxDepth = 16;
    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>Reads the file's structure.</summary>
    /// <exception cref="DicomFormatException">the file is not DICOM Part 10 or its structure is broken.</exception>
    /// <exception cref="IOException">the file cannot be read.</exception>
    public static DicomFile Read(string path) =>
        Read(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None));

    /// <summary>Reads the structure of the file <paramref name="path"/> from <paramref name="stream"/>, which it disposes.</summary>
    internal static DicomFile Read(string path, Stream stream)
    {
        using var reader = new DicomByteReader(stream);
        if (reader.Length < 132)
        {
            throw new DicomFormatException($"the file is {reader.Length} bytes, too short for the DICOM preamble and prefix");
        }

        Span<byte> head = stackalloc byte[132];
        reader.ReadExactly(head);
        if (!DicomFile.HasPrefix(head))
        {
            throw new DicomFormatException("no \"DICM\" prefix after the 128-byte preamble: not a DICOM Part 10 file");
        }

        var meta = new DicomDataset();
        var tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
        while (tag.Group == 0x0002)
        {
            meta.Add(ReadElement(reader, tag, explicitVr: true, depth: 0, pixels: null));
            if (reader.Remaining == 0)
            {
                break;
            }

            tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
        }

        var syntax = meta.GetString(DicomTags.TransferSyntaxUid)
            ?? throw new DicomFormatException("the file meta information has no transfer syntax (0002,0010)");
        var explicitVr = syntax switch
        {
            ImplicitVrLittleEndian => false,
            "1.2.840.10008.1.2.2" => throw new DicomFormatException($"unsupported transfer syntax {syntax} (explicit VR big endian)"),
            "1.2.840.10008.1.2.1.99" => throw new DicomFormatException($"unsupported transfer syntax {syntax} (deflated explicit VR little endian)"),
            _ => true,
        };

        var dataset = new DicomDataset();
        var pixels = new PixelDataLocation();
        if (tag.Group != 0x0002)
        {
            ReadTopLevel(reader, tag, explicitVr, dataset, pixels);
        }

        var file = new DicomFile(path, meta, dataset, pixels.Found ? DicomFrames.Build(dataset, pixels) : null, pixels.Encapsulated);
        return file;
    }

    private static void ReadTopLevel(DicomByteReader reader, DicomTag first, bool explicitVr, DicomDataset dataset, PixelDataLocation pixels)
    {
        var tag = first;
        while (true)
        {
            if (tag.Group == 0xFFFE)
            {
                throw new DicomFormatException($"an item tag {tag} at offset {reader.Position - 4} outside any sequence");
            }

            var element = ReadElement(reader, tag, explicitVr, depth: 0, pixels);
            if (pixels.Found)
            {
                // Nothing after the pixel data matters to a slide (trailing padding at most).
                return;
            }

            dataset.Add(element);
            if (reader.Remaining < 4)
            {
                return;
            }

            tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
        }
    }

    private static DicomElement ReadElement(DicomByteReader reader, DicomTag tag, bool explicitVr, int depth, PixelDataLocation? pixels)
    {
        string vr;
        uint length;
        if (explicitVr)
        {
            Span<byte> code = stackalloc byte[2];
            reader.ReadExactly(code);
            vr = string.Create(2, (code[0], code[1]), static (chars, pair) => (chars[0], chars[1]) = ((char)pair.Item1, (char)pair.Item2));
            if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
            {
                reader.Skip(2, $"element {tag}");
                length = reader.ReadUInt32();
            }
            else if (code[0] is >= (byte)'A' and <= (byte)'Z' && code[1] is >= (byte)'A' and <= (byte)'Z')
            {
                length = reader.ReadUInt16();
            }
            else
            {
                throw new DicomFormatException($"element {tag} at offset {reader.Position - 6} has no value representation (bytes {code[0]:X2} {code[1]:X2}): not explicit VR as the transfer syntax says");
            }
        }
        else
        {
            vr = DicomImplicitVr.Of(tag);
            length = reader.ReadUInt32();
        }

        if (tag == DicomTags.PixelData && pixels is not null && depth == 0)
        {
            ReadPixelData(reader, length, pixels);
            return new DicomElement(tag, vr, [], null);
        }

        if (tag == DicomTags.FloatPixelData || tag == DicomTags.DoubleFloatPixelData)
        {
            throw new DicomFormatException($"float pixel data {tag} is not read (only integer pixel data (7FE0,0010))");
        }

        if (vr == "SQ" || (length == UndefinedLength && vr == "UN"))
        {
            // An undefined-length UN is a sequence whose items are implicit VR (PS3.5 6.2.2).
            var itemsExplicit = explicitVr && vr == "SQ";
            return new DicomElement(tag, "SQ", [], ReadItems(reader, tag, length, itemsExplicit, depth + 1));
        }

        if (length == UndefinedLength)
        {
            throw new DicomFormatException($"element {tag} ({vr}) at offset {reader.Position} has an undefined length, which only sequences and pixel data may have");
        }

        if (length > MaxValueBytes)
        {
            throw new DicomFormatException($"element {tag} claims {length} bytes, more than the {MaxValueBytes} bytes any header element of a slide may hold");
        }

        return new DicomElement(tag, vr, reader.ReadBytes(length, $"the value of element {tag}"), null);
    }

    private static List<DicomDataset> ReadItems(DicomByteReader reader, DicomTag sequence, uint length, bool explicitVr, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DicomFormatException($"sequence {sequence} is nested more than {MaxDepth} deep");
        }

        var end = -1L;
        if (length != UndefinedLength)
        {
            reader.Require(length, $"sequence {sequence}");
            end = reader.Position + length;
        }

        var items = new List<DicomDataset>();
        while (end < 0 || reader.Position < end)
        {
            var tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
            var itemLength = reader.ReadUInt32();
            if (tag == DicomTags.SequenceDelimitation && end < 0)
            {
                break;
            }

            if (tag != DicomTags.Item)
            {
                throw new DicomFormatException($"sequence {sequence} holds {tag} at offset {reader.Position - 8} where an item belongs");
            }

            var item = new DicomDataset();
            if (itemLength == UndefinedLength)
            {
                ReadItemElements(reader, item, -1, explicitVr, depth);
            }
            else
            {
                reader.Require(itemLength, $"an item of sequence {sequence}");
                var itemEnd = reader.Position + itemLength;
                if (end >= 0 && itemEnd > end)
                {
                    throw new DicomFormatException($"an item of sequence {sequence} ends at offset {itemEnd}, past the sequence's end at {end}");
                }

                ReadItemElements(reader, item, itemEnd, explicitVr, depth);
            }

            items.Add(item);
        }

        if (end >= 0 && reader.Position != end)
        {
            throw new DicomFormatException($"sequence {sequence} ends at offset {reader.Position}, not at {end} as its length says");
        }

        return items;
    }

    private static void ReadItemElements(DicomByteReader reader, DicomDataset item, long end, bool explicitVr, int depth)
    {
        while (end < 0 || reader.Position < end)
        {
            var tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
            if (tag == DicomTags.ItemDelimitation)
            {
                reader.ReadUInt32();
                if (end >= 0)
                {
                    throw new DicomFormatException($"an item delimiter at offset {reader.Position - 8} inside an item of defined length");
                }

                return;
            }

            if (tag.Group == 0xFFFE)
            {
                throw new DicomFormatException($"{tag} at offset {reader.Position - 4} where an element of an item belongs");
            }

            item.Add(ReadElement(reader, tag, explicitVr, depth, pixels: null));
            if (end >= 0 && reader.Position > end)
            {
                throw new DicomFormatException($"element {tag} runs to offset {reader.Position}, past its item's end at {end}");
            }
        }
    }

    private static void ReadPixelData(DicomByteReader reader, uint length, PixelDataLocation pixels)
    {
        pixels.Found = true;
        if (length != UndefinedLength)
        {
            reader.Require(length, "the native pixel data (7FE0,0010)");
            pixels.Offsets.Add(reader.Position);
            pixels.NativeLength = length;
            return;
        }

        pixels.Encapsulated = true;
        var tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
        var tableLength = reader.ReadUInt32();
        if (tag != DicomTags.Item || tableLength == UndefinedLength || tableLength % 4 != 0)
        {
            throw new DicomFormatException($"the encapsulated pixel data does not start with a Basic Offset Table item (found {tag}, {tableLength} bytes)");
        }

        var table = reader.ReadBytes(tableLength, "the Basic Offset Table");
        pixels.BasicOffsets = new uint[tableLength / 4];
        for (var i = 0; i < pixels.BasicOffsets.Length; i++)
        {
            pixels.BasicOffsets[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(i * 4));
        }

        var firstItem = reader.Position;
        while (true)
        {
            if (reader.Remaining < 8)
            {
                throw new DicomFormatException($"the encapsulated pixel data ends at offset {reader.Position} without its sequence delimiter (truncated)");
            }

            tag = new DicomTag(reader.ReadUInt16(), reader.ReadUInt16());
            var fragmentLength = reader.ReadUInt32();
            if (tag == DicomTags.SequenceDelimitation)
            {
                return;
            }

            if (tag != DicomTags.Item || fragmentLength == UndefinedLength)
            {
                throw new DicomFormatException($"the encapsulated pixel data holds {tag} of length {fragmentLength} at offset {reader.Position - 8} where a fragment item belongs");
            }

            var start = reader.Position;
            reader.Skip(fragmentLength, $"fragment {pixels.Offsets.Count + 1} of the pixel data");
            if (fragmentLength > int.MaxValue)
            {
                throw new DicomFormatException($"fragment {pixels.Offsets.Count + 1} of the pixel data is {fragmentLength} bytes, more than one frame may be");
            }

            pixels.ItemStarts.Add(start - 8 - firstItem);
            pixels.Offsets.Add(start);
            pixels.Lengths.Add((int)fragmentLength);
        }
    }
}
