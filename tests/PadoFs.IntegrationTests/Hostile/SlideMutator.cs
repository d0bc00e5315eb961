using System.Buffers.Binary;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests.Hostile;

/// <summary>
/// Breaks copies of the shared slides the ways hostile or damaged files are broken: flipped bytes in IFDs,
/// truncation, zero and huge image and tile sizes, huge counts, 65535 samples, bad tag types, offsets past the end
/// and looping IFD chains. The same seed gives the same mutants. It walks IFDs with its own few lines of code, so
/// the reader under test never decides what gets broken.
/// </summary>
internal sealed class SlideMutator(int seed)
{
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort BitsPerSample = 258;
    private const ushort SamplesPerPixel = 277;
    private const ushort RowsPerStrip = 278;
    private const ushort TileWidth = 322;
    private const ushort TileLength = 323;
    private const ushort StripOffsets = 273;
    private const ushort StripByteCounts = 279;
    private const ushort TileOffsets = 324;
    private const ushort TileByteCounts = 325;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;

    private static readonly ushort[] s_geometryTags = [ImageWidth, ImageLength, TileWidth, TileLength, RowsPerStrip];
    private static readonly ushort[] s_chunkTableTags = [StripOffsets, StripByteCounts, TileOffsets, TileByteCounts];
    private static readonly uint[] s_sizes = [0, 1, 3, 65535, 65536, 1u << 20, 1u << 24, 1u << 31, uint.MaxValue];
    private static readonly uint[] s_counts = [0, 2, 1u << 16, 1u << 24, 1u << 30, uint.MaxValue];
    private static readonly ushort[] s_badTypes = [0, 2, 5, 12, 14, 99, ushort.MaxValue];

    private readonly Random _random = new(seed);

    /// <summary>The shared slides mutants are made of: every TIFF-based one, and a DICOM file for a format that is not.</summary>
    public static IReadOnlyList<string> Sources { get; } =
    [
        "cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif", "ndpi-dapi.ndpi", "qupath-cells-2c.ome.tif",
        "qupath-cells.ome.tif", "qupath-cells-gray32.tif", "4D-series.ome.tiff", "ojpeg-tile.tif", "small_la.tiff", "test_orient3.tif", "boxes_0.dcm",
    ];

    private delegate string Mutation(byte[] bytes, Tiff tiff);

    /// <summary>Writes <paramref name="count"/> mutants of <paramref name="sources"/> (shared slide names) into <paramref name="folder"/>.</summary>
    public List<SlideMutant> Write(string folder, IReadOnlyList<string> sources, int count)
    {
        var originals = sources.ToDictionary(name => name, name => File.ReadAllBytes(SharedSlides.PathOf(name)));
        var mutants = new List<SlideMutant>(count);
        for (var i = 0; i < count; i++)
        {
            var source = sources[i % sources.Count];
            var bytes = (byte[])originals[source].Clone();
            var (mutated, mutation) = Mutate(bytes);
            var path = Path.Combine(folder, $"mutant-{i:D3}{Path.GetExtension(source)}");
            File.WriteAllBytes(path, mutated);
            mutants.Add(new SlideMutant(path, source, mutation));
        }

        return mutants;
    }

    private (byte[] Bytes, string Mutation) Mutate(byte[] bytes)
    {
        if (_random.Next(8) == 0)
        {
            var length = 8 + _random.Next(bytes.Length - 8);
            return (bytes[..length], $"truncated to {length} of {bytes.Length} bytes");
        }

        var tiff = Tiff.TryRead(bytes);
        if (tiff is null || tiff.Entries.Count == 0)
        {
            return (bytes, FlipBytes(bytes, 0, bytes.Length));
        }

        Mutation[] mutations =
        [
            FlipIfdBytes, SetGeometry, SetGeometry, HugeTiles, ManySamples, HugeCount, PastTheEnd, PastTheEnd, BadType, BadNextIfd,
            BadBitsPerSample, AnyValue, ScrambleChunkTable, FlipAnywhere,
        ];
        var applied = new List<string>();
        var rounds = 1 + (_random.Next(4) == 0 ? 1 : 0);
        for (var round = 0; round < rounds; round++)
        {
            applied.Add(mutations[_random.Next(mutations.Length)](bytes, tiff));
        }

        return (bytes, string.Join("; ", applied));
    }

    private string FlipIfdBytes(byte[] bytes, Tiff tiff)
    {
        var ifd = tiff.Ifds[_random.Next(tiff.Ifds.Count)];
        return FlipBytes(bytes, ifd.Start, ifd.End);
    }

    private string FlipBytes(byte[] bytes, long start, long end)
    {
        var flips = 1 + _random.Next(6);
        for (var i = 0; i < flips; i++)
        {
            bytes[start + _random.NextInt64(end - start)] ^= (byte)(1 + _random.Next(255));
        }

        return $"{flips} bytes flipped in [{start}, {end})";
    }

    private string FlipAnywhere(byte[] bytes, Tiff tiff)
    {
        var flips = 1 + _random.Next(64);
        for (var i = 0; i < flips; i++)
        {
            bytes[8 + _random.NextInt64(bytes.Length - 8)] ^= (byte)(1 + _random.Next(255));
        }

        return $"{flips} bytes flipped anywhere";
    }

    private string AnyValue(byte[] bytes, Tiff tiff)
    {
        var entry = tiff.Entries[_random.Next(tiff.Entries.Count)];
        var value = _random.Next(3) == 0 ? (uint)_random.NextInt64(uint.MaxValue) : s_sizes[_random.Next(s_sizes.Length)];
        tiff.SetInline(bytes, entry, _random.Next(2) == 0 ? TypeShort : TypeLong, value);
        return $"tag {entry.Code} of the IFD at {entry.Ifd} = {value} (1 value)";
    }

    // Chunks pointed at other bytes of the file: the decoders get data that is not theirs.
    private string ScrambleChunkTable(byte[] bytes, Tiff tiff)
    {
        var entry = Pick(tiff, [StripOffsets, TileOffsets]);
        if (entry.Inline || entry.ElementSize is not (4 or 8))
        {
            tiff.WriteField(bytes, entry, (uint)_random.NextInt64(Math.Min(bytes.Length, uint.MaxValue)));
            return $"inline value of tag {entry.Code} of the IFD at {entry.Ifd} pointed elsewhere";
        }

        var table = tiff.FieldValue(bytes, entry);
        var scrambled = 0;
        for (var i = 0; i < Math.Min(entry.Count, 64); i++)
        {
            var at = table + (_random.NextInt64(entry.Count) * entry.ElementSize);
            if (at >= 0 && at + entry.ElementSize <= bytes.Length)
            {
                tiff.WriteNumber(bytes, at, entry.ElementSize, (ulong)_random.NextInt64(bytes.Length));
                scrambled++;
            }
        }

        return $"{scrambled} entries of tag {entry.Code} of the IFD at {entry.Ifd} pointed elsewhere";
    }

    private string SetGeometry(byte[] bytes, Tiff tiff)
    {
        var entry = Pick(tiff, s_geometryTags);
        var value = s_sizes[_random.Next(s_sizes.Length)];
        tiff.SetInline(bytes, entry, TypeLong, value);
        return $"tag {entry.Code} of the IFD at {entry.Ifd} = {value}";
    }

    private string HugeTiles(byte[] bytes, Tiff tiff)
    {
        var width = Pick(tiff, [TileWidth]);
        if (width.Code != TileWidth)
        {
            return SetGeometry(bytes, tiff);
        }

        tiff.SetInline(bytes, width, TypeLong, 65536);
        var length = tiff.Entries.FirstOrDefault(e => e.Ifd == width.Ifd && e.Code == TileLength);
        if (length is not null)
        {
            tiff.SetInline(bytes, length, TypeLong, 1u << 31);
        }

        return $"tiles of 65536 x 2^31 in the IFD at {width.Ifd}";
    }

    private string ManySamples(byte[] bytes, Tiff tiff)
    {
        var samples = Pick(tiff, [SamplesPerPixel]);
        var mutation = samples.Code == SamplesPerPixel ? $"SamplesPerPixel 65535 in the IFD at {samples.Ifd}" : $"tag {samples.Code} = 65535";
        tiff.SetInline(bytes, samples, TypeShort, 65535);
        return _random.Next(2) == 0 ? mutation : $"{mutation}; {BadType(bytes, tiff)}";
    }

    private string BadBitsPerSample(byte[] bytes, Tiff tiff)
    {
        var bits = Pick(tiff, [BitsPerSample]);
        var value = new uint[] { 0, 1, 7, 12, 64, 65535 }[_random.Next(6)];
        tiff.SetInline(bytes, bits, TypeShort, value);
        return $"tag {bits.Code} of the IFD at {bits.Ifd} = {value} (1 value)";
    }

    private string HugeCount(byte[] bytes, Tiff tiff)
    {
        var entry = tiff.Entries[_random.Next(tiff.Entries.Count)];
        var count = s_counts[_random.Next(s_counts.Length)];
        tiff.SetCount(bytes, entry, count);
        return $"count of tag {entry.Code} of the IFD at {entry.Ifd} = {count}";
    }

    private string PastTheEnd(byte[] bytes, Tiff tiff)
    {
        var entry = Pick(tiff, s_chunkTableTags);
        var beyond = (uint)Math.Min(uint.MaxValue, bytes.Length + (long)_random.Next(1 << 20));
        if (entry.Inline)
        {
            tiff.WriteField(bytes, entry, beyond);
            return $"inline value of tag {entry.Code} of the IFD at {entry.Ifd} = {beyond} (past the end)";
        }

        if (_random.Next(2) == 0 || entry.Count == 0)
        {
            tiff.WriteField(bytes, entry, beyond);
            return $"value offset of tag {entry.Code} of the IFD at {entry.Ifd} = {beyond} (past the end)";
        }

        // One element of the out-of-line table (an offset or a byte count) is made to point or reach past the end.
        var element = _random.NextInt64(Math.Min(entry.Count, 1 << 20));
        var at = tiff.FieldValue(bytes, entry) + (element * entry.ElementSize);
        if (at + entry.ElementSize <= bytes.Length)
        {
            tiff.WriteNumber(bytes, at, entry.ElementSize, entry.Code is StripByteCounts or TileByteCounts ? uint.MaxValue - 255 : beyond);
        }

        return $"element {element} of tag {entry.Code} of the IFD at {entry.Ifd} past the end";
    }

    private string BadType(byte[] bytes, Tiff tiff)
    {
        var entry = tiff.Entries[_random.Next(tiff.Entries.Count)];
        var type = s_badTypes[_random.Next(s_badTypes.Length)];
        tiff.SetType(bytes, entry, type);
        return $"type of tag {entry.Code} of the IFD at {entry.Ifd} = {type}";
    }

    private string BadNextIfd(byte[] bytes, Tiff tiff)
    {
        var ifd = tiff.Ifds[_random.Next(tiff.Ifds.Count)];
        var next = _random.Next(3) switch
        {
            0 => ifd.Offset,
            1 => (long)bytes.Length + _random.Next(1000),
            _ => 1 + _random.NextInt64(Math.Min(bytes.Length, uint.MaxValue) - 1),
        };
        tiff.WriteNumber(bytes, ifd.End - tiff.OffsetSize, tiff.OffsetSize, (ulong)next);
        return $"next IFD of the IFD at {ifd.Offset} = {next}";
    }

    // An entry with one of the codes when some IFD has one, else any entry.
    private Tiff.Entry Pick(Tiff tiff, ushort[] codes)
    {
        var matching = tiff.Entries.Where(e => codes.Contains(e.Code)).ToList();
        var from = matching.Count > 0 ? matching : tiff.Entries;
        return from[_random.Next(from.Count)];
    }

    /// <summary>The IFDs of a TIFF or BigTIFF (main chain and SubIFDs not followed) and their entries.</summary>
    private sealed class Tiff
    {
        private const int MaxIfds = 64;

        private Tiff(bool littleEndian, bool big)
        {
            LittleEndian = littleEndian;
            OffsetSize = big ? 8 : 4;
        }

        public bool LittleEndian { get; }

        public int OffsetSize { get; }

        public List<Ifd> Ifds { get; } = [];

        public List<Entry> Entries { get; } = [];

        private int EntrySize => OffsetSize == 8 ? 20 : 12;

        public static Tiff? TryRead(byte[] bytes)
        {
            if (bytes.Length < 16 || !((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M')))
            {
                return null;
            }

            var probe = new Tiff(bytes[0] == 'I', big: false);
            var version = probe.ReadNumber(bytes, 2, 2);
            if (version is not (42 or 43))
            {
                return null;
            }

            var tiff = new Tiff(bytes[0] == 'I', version == 43);
            var offset = (long)tiff.ReadNumber(bytes, tiff.OffsetSize == 8 ? 8 : 4, tiff.OffsetSize);
            var countSize = tiff.OffsetSize == 8 ? 8 : 2;
            while (offset > 0 && offset + countSize <= bytes.Length && tiff.Ifds.Count < MaxIfds && tiff.Ifds.All(i => i.Offset != offset))
            {
                var count = (long)tiff.ReadNumber(bytes, offset, countSize);
                var end = offset + countSize + (count * tiff.EntrySize) + tiff.OffsetSize;
                if (count > 4096 || end > bytes.Length)
                {
                    break;
                }

                tiff.Ifds.Add(new Ifd(offset, offset + countSize, end));
                for (var i = 0; i < count; i++)
                {
                    var at = offset + countSize + (i * tiff.EntrySize);
                    var type = (ushort)tiff.ReadNumber(bytes, at + 2, 2);
                    var entryCount = (long)tiff.ReadNumber(bytes, at + 4, tiff.OffsetSize);
                    var size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 or 11 or 13 => 4, 5 or 10 or 12 or 16 or 17 or 18 => 8, _ => 0 };
                    tiff.Entries.Add(new Entry(offset, at, (ushort)tiff.ReadNumber(bytes, at, 2), entryCount, size, size * entryCount <= tiff.OffsetSize));
                }

                offset = (long)tiff.ReadNumber(bytes, end - tiff.OffsetSize, tiff.OffsetSize);
            }

            return tiff;
        }

        public void SetInline(byte[] bytes, Entry entry, ushort type, uint value)
        {
            SetType(bytes, entry, type);
            SetCount(bytes, entry, 1);
            WriteField(bytes, entry, value);
        }

        public void SetType(byte[] bytes, Entry entry, ushort type) => WriteNumber(bytes, entry.At + 2, 2, type);

        public void SetCount(byte[] bytes, Entry entry, uint count) => WriteNumber(bytes, entry.At + 4, OffsetSize, count);

        // Short values sit in the first two bytes of the field; the rest is cleared.
        public void WriteField(byte[] bytes, Entry entry, uint value)
        {
            var type = ReadNumber(bytes, entry.At + 2, 2);
            var field = entry.At + 4 + OffsetSize;
            Array.Clear(bytes, (int)field, OffsetSize);
            WriteNumber(bytes, field, type == TypeShort ? 2 : OffsetSize, value);
        }

        public long FieldValue(byte[] bytes, Entry entry) => (long)ReadNumber(bytes, entry.At + 4 + OffsetSize, OffsetSize);

        public void WriteNumber(byte[] bytes, long at, int size, ulong value)
        {
            var span = bytes.AsSpan((int)at, size);
            Span<byte> all = stackalloc byte[8];
            if (LittleEndian)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(all, value);
                all[..size].CopyTo(span);
            }
            else
            {
                BinaryPrimitives.WriteUInt64BigEndian(all, value);
                all[(8 - size)..].CopyTo(span);
            }
        }

        private ulong ReadNumber(byte[] bytes, long at, int size)
        {
            Span<byte> all = stackalloc byte[8];
            all.Clear();
            var span = bytes.AsSpan((int)at, size);
            if (LittleEndian)
            {
                span.CopyTo(all);
                return BinaryPrimitives.ReadUInt64LittleEndian(all);
            }

            span.CopyTo(all[(8 - size)..]);
            return BinaryPrimitives.ReadUInt64BigEndian(all);
        }

        public sealed record Ifd(long Offset, long Start, long End);

        public sealed record Entry(long Ifd, long At, ushort Code, long Count, int ElementSize, bool Inline);
    }
}
