using PadoFs.Images.Pixels;

namespace PadoFs.Images.Tiff;

/// <summary>
/// One image file directory (IFD) interpreted as an image: geometry, sample layout, compression and where its
/// chunks (tiles or strips) lie. Defaults of absent tags follow the TIFF 6 specification.
/// </summary>
public sealed class TiffPage
{
    /// <summary>A page with more chunks than this is corrupt (it would be petapixels large or have 1-pixel tiles).</summary>
    public const long MaxChunks = 1L << 24;

    /// <summary>The largest image or tile side a TIFF can state in a 32-bit field.</summary>
    public const long MaxSide = uint.MaxValue;

    private const int MaxSubIfds = 4096;
    private const int OldJpegCompression = 6;
    private const long DefaultRowsPerStrip = uint.MaxValue;

    private readonly Dictionary<int, TiffTag> _tagsByCode = [];

    private TiffPage(TiffDirectoryReader reader, long offset, int index, int subIfdIndex, List<TiffTag> tags)
    {
        Offset = offset;
        Index = index;
        SubIfdIndex = subIfdIndex;
        Tags = tags;
        foreach (var tag in tags)
        {
            // The first of duplicated tags wins, as in libtiff and tifffile.
            _tagsByCode.TryAdd(tag.Code, tag);
        }

        Width = Integer(reader, TiffTagCode.ImageWidth, 0);
        Height = Integer(reader, TiffTagCode.ImageLength, 0);
        var samples = Integer(reader, TiffTagCode.SamplesPerPixel, 1);
        if (samples is < 1 or > ushort.MaxValue || Width is < 0 or > MaxSide || Height is < 0 or > MaxSide)
        {
            throw new TiffFormatException($"page {index} has {Width} x {Height} pixels of {samples} samples.");
        }

        SamplesPerPixel = (int)samples;
        BitsPerSample = SmallInteger(reader, TiffTagCode.BitsPerSample, 1);
        SampleFormat = SmallInteger(reader, TiffTagCode.SampleFormat, 1);
        HasUniformSamples = AllValuesEqual(reader, TiffTagCode.BitsPerSample) && AllValuesEqual(reader, TiffTagCode.SampleFormat);
        SampleType = HasUniformSamples ? SampleTypeOf(SampleFormat, BitsPerSample) : null;
        Compression = SmallInteger(reader, TiffTagCode.Compression, 1);
        Photometric = SmallInteger(reader, TiffTagCode.Photometric, 0);
        PlanarConfiguration = SmallInteger(reader, TiffTagCode.PlanarConfiguration, 1);
        Predictor = SmallInteger(reader, TiffTagCode.Predictor, 1);
        FillOrder = SmallInteger(reader, TiffTagCode.FillOrder, 1);
        ExtraSamples = TryGetTag(TiffTagCode.ExtraSamples, out var extra) ? reader.ReadIntegers(extra, SamplesPerPixel) : [];
        NewSubfileType = ReadNewSubfileType(reader);
        ImageDescription = TryGetTag(TiffTagCode.ImageDescription, out var description) && description.Type == TiffTagType.Ascii
            ? reader.ReadString(description).Trim()
            : string.Empty;
        JpegTables = TryGetTag(TiffTagCode.JpegTables, out var tables) ? reader.ReadBytes(tables) : null;
        OldJpeg = Compression == OldJpegCompression ? ReadOldJpeg(reader) : null;
        SubIfdOffsets = TryGetTag(TiffTagCode.SubIfds, out var subIfds) ? ReadSubIfdOffsets(reader, subIfds) : [];

        // A TileWidth tag makes a page tiled, as in libtiff, whatever its value: a tile side of 0 is an error, not strips.
        IsTiled = TryGetTag(TiffTagCode.TileWidth, out var tileWidth) && tileWidth.Count > 0;
        TileWidth = IsTiled ? Integer(reader, TiffTagCode.TileWidth, 0) : 0;
        TileLength = IsTiled ? Integer(reader, TiffTagCode.TileLength, 0) : 0;
        if (IsTiled && (TileWidth is < 1 or > MaxSide || TileLength is < 1 or > MaxSide))
        {
            throw new TiffFormatException($"page {index} has tiles of {TileWidth} x {TileLength} pixels.");
        }

        RowsPerStrip = IsTiled ? 0 : ReadRowsPerStrip(reader);
        if (!IsTiled && Height > 0 && RowsPerStrip < 1)
        {
            throw new TiffFormatException($"page {index} has RowsPerStrip {RowsPerStrip}.");
        }

        ChunkWidth = IsTiled ? TileWidth : Width;
        ChunkHeight = IsTiled ? TileLength : RowsPerStrip;
        ChunkPlanes = PlanarConfiguration == 2 ? SamplesPerPixel : 1;
        ChunkRows = Height == 0 ? 0 : CeilingDivide(Height, ChunkHeight);
        ChunkCols = Width == 0 || Height == 0 ? 0 : IsTiled ? CeilingDivide(Width, ChunkWidth) : 1;
        if ((double)ChunkPlanes * ChunkRows * ChunkCols > MaxChunks)
        {
            throw new TiffFormatException($"page {index} would have {ChunkPlanes} x {ChunkRows} x {ChunkCols} chunks: absurd.");
        }

        // Entries beyond the chunk grid are never used; reading only the grid's worth bounds what a corrupt count costs.
        DataOffsets = ReadChunkTable(reader, TiffTagCode.TileOffsets, TiffTagCode.StripOffsets);
        DataByteCounts = ReadChunkTable(reader, TiffTagCode.TileByteCounts, TiffTagCode.StripByteCounts);
    }

    /// <summary>Position of the page in the main IFD chain; for a SubIFD page, the position of the page that lists it.</summary>
    public int Index { get; }

    /// <summary>Position of the page in its parent's SubIFDs tag; -1 for a page of the main chain.</summary>
    public int SubIfdIndex { get; }

    public bool IsSubIfd => SubIfdIndex >= 0;

    /// <summary>Offset of the IFD in the file, which identifies the page.</summary>
    public long Offset { get; }

    /// <summary>Every tag of the IFD in file order, the unknown ones included.</summary>
    public IReadOnlyList<TiffTag> Tags { get; }

    public long Width { get; }

    public long Height { get; }

    public int SamplesPerPixel { get; }

    /// <summary>Bits of the first sample (writers give all samples the same size in practice).</summary>
    public int BitsPerSample { get; }

    /// <summary>1 unsigned integer, 2 signed integer, 3 IEEE float.</summary>
    public int SampleFormat { get; }

    /// <summary>True when every sample has the size and format of the first (BitsPerSample and SampleFormat hold one value each per sample).</summary>
    public bool HasUniformSamples { get; }

    /// <summary>
    /// The numpy type tifffile gives one sample (<see cref="SampleFormat"/> and <see cref="BitsPerSample"/>): unsigned or
    /// signed 8, 16 or 32 bits, float 16, 32 or 64 bits; null for any other, and for samples of different types.
    /// </summary>
    public PixelType? SampleType { get; }

    /// <summary>The raw TIFF compression code, e.g. 1 none, 5 LZW, 7 JPEG, 8 Deflate, 33005 JPEG 2000 (Aperio).</summary>
    public int Compression { get; }

    public int Photometric { get; }

    /// <summary>1 contiguous (samples interleaved), 2 separate (one plane per sample).</summary>
    public int PlanarConfiguration { get; }

    public int Predictor { get; }

    public int FillOrder { get; }

    public IReadOnlyList<long> ExtraSamples { get; }

    /// <summary>NewSubfileType bits (1 reduced resolution, 2 page of a multi-page image, 4 mask, 8 MRC).</summary>
    public long NewSubfileType { get; }

    /// <summary>True for a reduced-resolution version of another page (NewSubfileType bit 0).</summary>
    public bool IsReduced => (NewSubfileType & 1) != 0;

    /// <summary>The first ImageDescription without surrounding white space; empty when there is none.</summary>
    public string ImageDescription { get; }

    public bool IsTiled { get; }

    public long TileWidth { get; }

    public long TileLength { get; }

    /// <summary>Rows per strip, at most the image height; 0 for a tiled page.</summary>
    public long RowsPerStrip { get; }

    /// <summary>Offsets of the chunks in the file, plane by plane, then row by row.</summary>
    public long[] DataOffsets { get; }

    /// <summary>Stored (compressed) sizes of the chunks, in the order of <see cref="DataOffsets"/>; empty when the file omits them.</summary>
    public long[] DataByteCounts { get; }

    /// <summary>The JPEG tables shared by every JPEG chunk of the page, when the page has them.</summary>
    public byte[]? JpegTables { get; }

    /// <summary>The tags of an old-style JPEG page (compression 6) that describe its streams; null for any other page.</summary>
    public TiffOldJpeg? OldJpeg { get; }

    /// <summary>Offsets of the IFDs this page lists in its SubIFDs tag (OME-TIFF pyramids keep their levels there).</summary>
    public IReadOnlyList<long> SubIfdOffsets { get; }

    /// <summary>The pages at <see cref="SubIfdOffsets"/>.</summary>
    public IReadOnlyList<TiffPage> SubPages { get; internal set; } = [];

    /// <summary>Width of one chunk: the tile width, or the image width for strips.</summary>
    public long ChunkWidth { get; }

    /// <summary>Height of one chunk: the tile length, or the rows per strip.</summary>
    public long ChunkHeight { get; }

    /// <summary>Chunks stacked vertically.</summary>
    public long ChunkRows { get; }

    /// <summary>Chunks side by side (1 for strips).</summary>
    public long ChunkCols { get; }

    /// <summary>Planes of chunks: the samples per pixel when they are stored separately, else 1.</summary>
    public int ChunkPlanes { get; }

    public long ChunkCount => ChunkPlanes * ChunkRows * ChunkCols;

    /// <summary>Dimensions as tifffile names them: <c>YX</c>, <c>YXS</c> or (samples stored separately) <c>SYX</c>.</summary>
    public string Axes => !HasSampleAxis ? "YX" : PlanarConfiguration == 2 ? "SYX" : "YXS";

    /// <summary>The sizes of the dimensions in <see cref="Axes"/>.</summary>
    public IReadOnlyList<long> Shape => !HasSampleAxis ? [Height, Width] : PlanarConfiguration == 2 ? [SamplesPerPixel, Height, Width] : [Height, Width, SamplesPerPixel];

    /// <summary>Bytes of the decoded image, tifffile's <c>nbytes</c>: its samples times the bytes of one.</summary>
    internal long DecodedByteCount => Width * Height * SamplesPerPixel * ((BitsPerSample + 7) / 8);

    /// <summary>
    /// True when the image is stored uncompressed in one run of bytes from its first chunk, tifffile's
    /// <c>is_contiguous</c>: whole-byte samples, strips or full-width tiles of 16-pixel multiples, back to back.
    /// </summary>
    internal bool IsContiguous
    {
        get
        {
            if (SampleFormat == 5 || Compression != 1 || BitsPerSample is not (8 or 16 or 32 or 64) || DataOffsets.Length == 0)
            {
                return false;
            }

            if (IsTiled && (Width != TileWidth || Height % TileLength != 0 || TileWidth % 16 != 0 || TileLength % 16 != 0))
            {
                return false;
            }

            if (DataOffsets.Length == 1)
            {
                return true;
            }

            long sum = 0;
            for (var i = 0; i < DataOffsets.Length; i++)
            {
                if (i >= DataByteCounts.Length || DataByteCounts[i] == 0 || (i + 1 < DataOffsets.Length && DataOffsets[i] + DataByteCounts[i] != DataOffsets[i + 1]))
                {
                    return false;
                }

                sum += DataByteCounts[i];
            }

            return sum == DecodedByteCount;
        }
    }

    /// <summary>True when the stored bytes are the pixels as they are (but for byte order), tifffile's <c>is_final</c>.</summary>
    internal bool IsFinal => IsContiguous && FillOrder == 1 && Predictor == 1 && Photometric != 6;

    internal TiffPageSignature Signature
    {
        get
        {
            var separate = HasSampleAxis && PlanarConfiguration == 2;
            var interleaved = HasSampleAxis && !separate;
            return new TiffPageSignature(
                separate ? SamplesPerPixel : 1,
                Height,
                Width,
                interleaved ? SamplesPerPixel : 1,
                RowsPerStrip,
                TileWidth,
                TileLength,
                SampleFormat,
                BitsPerSample,
                FillOrder,
                Predictor,
                Compression,
                string.Join(',', ExtraSamples),
                Photometric);
        }
    }

    private bool HasSampleAxis => Photometric == 2 || SamplesPerPixel > 1;

    public bool TryGetTag(int code, out TiffTag tag) => _tagsByCode.TryGetValue(code, out tag!);

    /// <summary>Position in <see cref="DataOffsets"/> of the chunk at (<paramref name="row"/>, <paramref name="col"/>) of <paramref name="plane"/>.</summary>
    public long ChunkIndex(int plane, long row, long col) => (((plane * ChunkRows) + row) * ChunkCols) + col;

    /// <summary>
    /// Bytes stored in the file per chunk on the chunk grid (rows, cols), the planes of separately stored samples
    /// summed; -1 where the file does not say.
    /// </summary>
    public long[,] GetChunkByteCounts()
    {
        var counts = new long[ChunkRows, ChunkCols];
        for (var row = 0; row < ChunkRows; row++)
        {
            for (var col = 0; col < ChunkCols; col++)
            {
                long sum = 0;
                for (var plane = 0; plane < ChunkPlanes && sum >= 0; plane++)
                {
                    var index = ChunkIndex(plane, row, col);
                    sum = index < DataByteCounts.Length ? sum + DataByteCounts[index] : -1;
                }

                counts[row, col] = sum;
            }
        }

        return counts;
    }

    internal static TiffPage Read(TiffDirectoryReader reader, long offset, int index, int subIfdIndex, out long nextOffset)
    {
        var (tags, next) = reader.ReadIfd(offset);
        nextOffset = next;
        return new TiffPage(reader, offset, index, subIfdIndex, tags);
    }

    private static PixelType? SampleTypeOf(int sampleFormat, int bits) => (sampleFormat, bits) switch
    {
        (1, 8) => PixelType.UInt8,
        (1, 16) => PixelType.UInt16,
        (1, 32) => PixelType.UInt32,
        (2, 8) => PixelType.Int8,
        (2, 16) => PixelType.Int16,
        (2, 32) => PixelType.Int32,
        (3, 16) => PixelType.Float16,
        (3, 32) => PixelType.Float32,
        (3, 64) => PixelType.Float64,
        _ => null,
    };

    // Values beyond the samples are never used; reading at most one per sample bounds what a corrupt count costs.
    private bool AllValuesEqual(TiffDirectoryReader reader, int code)
    {
        if (!TryGetTag(code, out var tag) || tag.Count < 2)
        {
            return true;
        }

        var values = reader.ReadIntegers(tag, Math.Min(tag.Count, SamplesPerPixel));
        foreach (var value in values)
        {
            if (value != values[0])
            {
                return false;
            }
        }

        return true;
    }

    private static long CeilingDivide(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);

    // The first value of an integer tag, read from the file if it was not loaded with the directory.
    private long Integer(TiffDirectoryReader reader, int code, long fallback) =>
        TryGetTag(code, out var tag) && tag.Count > 0 ? reader.ReadIntegers(tag, 1)[0] : fallback;

    // Codes and sample sizes are 16-bit in TIFF; a larger value is a broken entry, not a code to look up.
    private int SmallInteger(TiffDirectoryReader reader, int code, long fallback)
    {
        var value = Integer(reader, code, fallback);
        return value is >= 0 and <= ushort.MaxValue
            ? (int)value
            : throw new TiffFormatException($"page {Index} has {value} in tag {code}, which holds a 16-bit value.");
    }

    private TiffOldJpeg ReadOldJpeg(TiffDirectoryReader reader)
    {
        long[] Offsets(int code) => TryGetTag(code, out var tag) ? reader.ReadIntegers(tag, SamplesPerPixel) : [];
        var subsampling = TryGetTag(TiffTagCode.YCbCrSubSampling, out var factors) ? reader.ReadIntegers(factors, 2) : [];
        return new TiffOldJpeg(
            (int)Integer(reader, TiffTagCode.JpegProc, 1),
            Integer(reader, TiffTagCode.JpegInterchangeFormat, 0),
            (int)Math.Clamp(Integer(reader, TiffTagCode.JpegRestartInterval, 0), 0, ushort.MaxValue),
            Offsets(TiffTagCode.JpegQTables),
            Offsets(TiffTagCode.JpegDcTables),
            Offsets(TiffTagCode.JpegAcTables),
            subsampling.Length == 2 ? (int)Math.Clamp(subsampling[0], 0, 16) : 2,
            subsampling.Length == 2 ? (int)Math.Clamp(subsampling[1], 0, 16) : 2,
            Reals(TiffTagCode.YCbCrCoefficients, [0.299f, 0.587f, 0.114f]),
            Reals(TiffTagCode.ReferenceBlackWhite, [0, 255, 128, 255, 128, 255]));

        // TIFF 6 defaults where the tag is absent or short; libtiff keeps these values as floats.
        float[] Reals(int code, float[] fallback)
        {
            var values = TryGetTag(code, out var tag) && tag.Count >= fallback.Length ? reader.ReadReals(tag, fallback.Length) : null;
            return values is null ? fallback : Array.ConvertAll(values, value => (float)value);
        }
    }

    private long ReadNewSubfileType(TiffDirectoryReader reader)
    {
        var value = Integer(reader, TiffTagCode.NewSubfileType, 0);
        if (value != 0)
        {
            return value;
        }

        // The old SubfileType tag: 2 is a reduced image, 3 a page of a multi-page image.
        return Integer(reader, TiffTagCode.SubfileType, 0) switch
        {
            2 => 1,
            3 => 2,
            _ => 0,
        };
    }

    private long ReadRowsPerStrip(TiffDirectoryReader reader)
    {
        if (!TryGetTag(TiffTagCode.ImageLength, out _))
        {
            return DefaultRowsPerStrip;
        }

        // A RowsPerStrip with several values is invalid; readers take the whole image as one strip then.
        var rows = TryGetTag(TiffTagCode.RowsPerStrip, out var tag) && tag.Count == 1 ? reader.ReadIntegers(tag, 1)[0] : Height;
        return Math.Min(rows, Height);
    }

    private long[] ReadChunkTable(TiffDirectoryReader reader, int tileCode, int stripCode) =>
        TryGetTag(IsTiled ? tileCode : stripCode, out var tag) || TryGetTag(tileCode, out tag) || TryGetTag(stripCode, out tag)
            ? reader.ReadIntegers(tag, ChunkCount)
            : [];

    private static long[] ReadSubIfdOffsets(TiffDirectoryReader reader, TiffTag tag)
    {
        if (tag.Count > MaxSubIfds)
        {
            throw new TiffFormatException($"the SubIFDs tag lists {tag.Count} IFDs: corrupt.");
        }

        return reader.ReadIntegers(tag, tag.Count);
    }
}
