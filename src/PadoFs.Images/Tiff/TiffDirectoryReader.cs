using PadoFs.Images.Sources;

namespace PadoFs.Images.Tiff;

/// <summary>
/// Reads IFDs and tag values from a byte source with positional reads, checking every offset and count against
/// the file's length so that a corrupt file fails with a message instead of a huge allocation or a hang.
/// </summary>
internal sealed class TiffDirectoryReader(IByteSource source, TiffHeader header)
{

    /// <summary>More entries than this in one IFD means garbage, not a directory (tifffile draws the line there too).</summary>
    public const int MaxTagsPerIfd = 4096;

    /// <summary>Values up to this size are loaded with their IFD; larger ones (ICC profiles, XMP) only on demand.</summary>
    private const int EagerValueBytes = 1 << 20;

    /// <summary>No tag value this reader loads may be larger, whatever the file claims.</summary>
    private const long MaxValueBytes = 1L << 30;

    public TiffHeader Header => header;

    public long FileLength => source.Length;

    private int EntrySize => header.IsBigTiff ? 20 : 12;

    /// <summary>Reads the IFD at <paramref name="offset"/>: its tags in file order and the offset of the next IFD (0 at the end).</summary>
    public (List<TiffTag> Tags, long NextOffset) ReadIfd(long offset)
    {
        if (offset < 8 || offset >= FileLength)
        {
            throw new TiffFormatException($"IFD offset {offset} lies outside the file ({FileLength} bytes): truncated or corrupt.");
        }

        var countSize = header.IsBigTiff ? 8 : 2;
        Span<byte> countBytes = stackalloc byte[8];
        ReadExactly(offset, countBytes[..countSize], $"the IFD at offset {offset}");
        var count = header.IsBigTiff ? header.ByteOrder.ReadUInt64(countBytes) : header.ByteOrder.ReadUInt16(countBytes);
        if (count > MaxTagsPerIfd)
        {
            throw new TiffFormatException($"the IFD at offset {offset} claims {count} tags: corrupt.");
        }

        var entriesOffset = offset + countSize;
        var entries = new byte[((int)count * EntrySize) + header.OffsetSize];
        ReadExactly(entriesOffset, entries, $"the IFD at offset {offset} with {count} tags");

        var tags = new List<TiffTag>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            var tag = ReadEntry(entries.AsSpan(i * EntrySize, EntrySize), entriesOffset + ((long)i * EntrySize));
            if (tag is not null)
            {
                tags.Add(tag);
            }
        }

        var next = ReadOffset(entries.AsSpan((int)count * EntrySize));
        return (tags, next);
    }

    /// <summary>Up to <paramref name="maxCount"/> leading values of an integer tag, read from the file if they were not loaded.</summary>
    public long[] ReadIntegers(TiffTag tag, long maxCount)
    {
        if (!TiffTag.IsInteger(tag.Type))
        {
            throw new TiffFormatException($"tag {tag.Code} has type {tag.Type}, expected an integer type.");
        }

        return Load(tag, Math.Min(tag.Count, maxCount)).GetIntegers();
    }

    /// <summary>The text of an ASCII tag, read from the file if it was not loaded.</summary>
    /// <summary>At most <paramref name="maxCount"/> values of a numeric tag as reals, read from the file if they were not loaded.</summary>
    public double[] ReadReals(TiffTag tag, long maxCount)
    {
        var loaded = Load(tag, Math.Min(tag.Count, maxCount));
        var values = new double[Math.Min(tag.Count, maxCount)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = loaded.GetReal(i);
        }

        return values;
    }

    public string ReadString(TiffTag tag) => Load(tag, tag.Count).GetString();

    /// <summary>The raw bytes of a tag, read from the file if they were not loaded.</summary>
    public byte[] ReadBytes(TiffTag tag) => Load(tag, tag.Count).RawValue.ToArray();

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>, failing with a message naming <paramref name="what"/> if the file ends first.</summary>
    public void ReadExactly(long offset, Span<byte> destination, string what)
    {
        if (offset < 0 || offset > FileLength - destination.Length)
        {
            throw Truncated(what, offset, destination.Length);
        }

        if (source.Read(destination, offset) != destination.Length)
        {
            throw Truncated(what, offset, destination.Length);
        }
    }

    private TiffFormatException Truncated(string what, long offset, long length) =>
        new($"{what} needs {length} bytes at offset {offset}, but the file has {FileLength} bytes: truncated or corrupt.");

    private TiffTag Load(TiffTag tag, long count)
    {
        var size = TiffTag.ElementSize(tag.Type);
        if (tag.IsLoaded && count == tag.Count)
        {
            return tag;
        }

        if (tag.Count > FileLength)
        {
            throw new TiffFormatException($"tag {tag.Code} claims {tag.Count} values, more than the file has bytes: corrupt.");
        }

        var bytes = count * size;
        if (bytes > MaxValueBytes)
        {
            throw new TiffFormatException($"tag {tag.Code} claims {tag.Count} values of type {tag.Type}: absurd.");
        }

        var value = new byte[bytes];
        if (tag.IsLoaded)
        {
            tag.RawValue[..(int)bytes].CopyTo(value);
        }
        else
        {
            ReadExactly(tag.ValueOffset, value, $"the value of tag {tag.Code} ({tag.Count} x {tag.Type})");
        }

        return new TiffTag(tag.Code, tag.Type, count, tag.ValueOffset, value, tag.ByteOrder);
    }

    private TiffTag? ReadEntry(ReadOnlySpan<byte> entry, long entryOffset)
    {
        var order = header.ByteOrder;
        var code = order.ReadUInt16(entry);
        var type = (TiffTagType)order.ReadUInt16(entry[2..]);
        var size = TiffTag.ElementSize(type);
        if (size == 0)
        {
            // An unknown field type cannot be interpreted; TIFF readers skip such entries, and so does this one.
            return null;
        }

        var count = header.IsBigTiff ? order.ReadUInt64(entry[4..]) : order.ReadUInt32(entry[4..]);
        var field = entry.Slice(4 + header.OffsetSize, header.OffsetSize);
        if (count > (ulong)FileLength)
        {
            // Kept unloaded: harmless unless someone needs the tag, then Load reports the absurd count.
            return new TiffTag(code, type, count > long.MaxValue ? long.MaxValue : (long)count, ReadOffset(field), null, order);
        }

        var bytes = (long)count * size;
        if (bytes <= header.OffsetSize)
        {
            return new TiffTag(code, type, (long)count, entryOffset + 4 + header.OffsetSize, field[..(int)bytes].ToArray(), order);
        }

        var valueOffset = ReadOffset(field);
        byte[]? value = null;
        if (bytes <= EagerValueBytes && valueOffset >= 8 && valueOffset <= FileLength - bytes)
        {
            value = new byte[bytes];
            ReadExactly(valueOffset, value, $"the value of tag {code}");
        }

        // A value out of the file stays unloaded: harmless for tags nobody needs, an error once someone asks for it.
        return new TiffTag(code, type, (long)count, valueOffset, value, order);
    }

    private long ReadOffset(ReadOnlySpan<byte> field)
    {
        var offset = header.IsBigTiff ? header.ByteOrder.ReadUInt64(field) : header.ByteOrder.ReadUInt32(field);
        return offset > long.MaxValue ? -1 : (long)offset;
    }
}
