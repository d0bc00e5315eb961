using Microsoft.Win32.SafeHandles;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Dicom;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// One instance of a whole-slide series, checked for what this backend serves: its image flavour (VOLUME, LABEL,
/// OVERVIEW, THUMBNAIL), tile and pixel-matrix sizes, transfer syntax and photometric interpretation, its place in a
/// concatenation, and, for TILED_SPARSE, where each frame lies on the pixel matrix. Holds the file open for frame reads.
/// </summary>
internal sealed class DicomInstance : IDisposable
{
    public const string JpegBaseline = "1.2.840.10008.1.2.4.50";
    public const string Jpeg2000Lossless = "1.2.840.10008.1.2.4.90";
    public const string Jpeg2000 = "1.2.840.10008.1.2.4.91";

    private DicomInstance(DicomFile file, string flavor, DicomFrameDecoder decoder, int[]? frameTiles)
    {
        File = file;
        Flavor = flavor;
        Decoder = decoder;
        FrameTiles = frameTiles;
        var dataset = file.Dataset;
        SopInstanceUid = dataset.GetString(DicomTags.SopInstanceUid) ?? file.Path;
        ConcatenationUid = dataset.GetString(DicomTags.ConcatenationUid);
        InConcatenationNumber = (int)(dataset.GetInteger(DicomTags.InConcatenationNumber) ?? 1);
        FrameOffset = dataset.GetInteger(DicomTags.ConcatenationFrameOffsetNumber) ?? 0;
        MatrixWidth = dataset.GetInteger(DicomTags.TotalPixelMatrixColumns) ?? decoder.Width;
        MatrixHeight = dataset.GetInteger(DicomTags.TotalPixelMatrixRows) ?? decoder.Height;
        Handle = System.IO.File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    public DicomFile File { get; }

    public string FileName => Path.GetFileName(File.Path);

    /// <summary>The third value of ImageType: VOLUME, LABEL, OVERVIEW or THUMBNAIL.</summary>
    public string Flavor { get; }

    public DicomFrameDecoder Decoder { get; }

    public DicomFrameTable Frames => File.Frames!;

    public string SopInstanceUid { get; }

    public string? ConcatenationUid { get; }

    public int InConcatenationNumber { get; }

    /// <summary>How many frames of the concatenation come before this instance's first (0 outside a concatenation).</summary>
    public long FrameOffset { get; }

    public long MatrixWidth { get; }

    public long MatrixHeight { get; }

    /// <summary>For TILED_SPARSE, the tile (row x columns + column on the pixel matrix's tile grid) of every frame; null for TILED_FULL.</summary>
    public int[]? FrameTiles { get; }

    public SafeFileHandle Handle { get; }

    public long TileColumns => (MatrixWidth + Decoder.Width - 1) / Decoder.Width;

    public long TileRows => (MatrixHeight + Decoder.Height - 1) / Decoder.Height;

    /// <summary>The image flavour of a whole-slide instance, or null for a file that is none (another SOP class, no ImageType).</summary>
    public static string? FlavorOf(DicomFile file) => file.Dataset.GetString(DicomTags.ImageType, 2)?.ToUpperInvariant();

    /// <summary>Checks <paramref name="file"/> and opens it for frame reads.</summary>
    /// <exception cref="DicomFormatException">the instance uses what this backend does not read, or is inconsistent.</exception>
    public static DicomInstance Open(DicomFile file)
    {
        var dataset = file.Dataset;
        var flavor = FlavorOf(file) ?? throw new DicomFormatException("no image flavour (third value of ImageType (0008,0008))");
        if (file.Frames is null)
        {
            throw new DicomFormatException("no pixel data (7FE0,0010)");
        }

        RequireValue(dataset, DicomTags.SamplesPerPixel, "SamplesPerPixel", 3);
        RequireValue(dataset, DicomTags.BitsAllocated, "BitsAllocated", 8);
        RequireValue(dataset, DicomTags.BitsStored, "BitsStored", 8);
        RequireValue(dataset, DicomTags.PixelRepresentation, "PixelRepresentation", 0);
        RequireValue(dataset, DicomTags.PlanarConfiguration, "PlanarConfiguration", 0);
        if (dataset.GetInteger(DicomTags.TotalPixelMatrixFocalPlanes) is > 1 and var planes)
        {
            throw new DicomFormatException($"several focal planes ({planes}, TotalPixelMatrixFocalPlanes): only one is read");
        }

        if (dataset.GetInteger(DicomTags.NumberOfOpticalPaths) is > 1 and var paths)
        {
            throw new DicomFormatException($"several optical paths ({paths}, NumberOfOpticalPaths): only one is read");
        }

        var photometric = dataset.GetString(DicomTags.PhotometricInterpretation) ?? string.Empty;
        var (codec, colorSpace) = CodecOf(file.TransferSyntaxUid, photometric, file.IsEncapsulated);
        var width = dataset.GetInteger(DicomTags.Columns) ?? 0;
        var height = dataset.GetInteger(DicomTags.Rows) ?? 0;
        if (width <= 0 || height <= 0 || width * height * 3 > SlideLevel.MaxChunkBytes)
        {
            throw new DicomFormatException($"frames of {width} x {height} pixels (Columns x Rows): each must be at least 1 x 1 and at most {SlideLevel.MaxChunkBytes} bytes decoded");
        }

        var decoder = new DicomFrameDecoder(codec, colorSpace, (int)width, (int)height);
        var matrixWidth = dataset.GetInteger(DicomTags.TotalPixelMatrixColumns) ?? width;
        var matrixHeight = dataset.GetInteger(DicomTags.TotalPixelMatrixRows) ?? height;
        if (matrixWidth <= 0 || matrixHeight <= 0 || matrixWidth > int.MaxValue || matrixHeight > int.MaxValue)
        {
            throw new DicomFormatException($"a total pixel matrix of {matrixWidth} x {matrixHeight}");
        }

        var tileColumns = (matrixWidth + width - 1) / width;
        var tileRows = (matrixHeight + height - 1) / height;
        if (tileColumns * tileRows > int.MaxValue)
        {
            throw new DicomFormatException($"{tileColumns} x {tileRows} tiles, more than one level may have");
        }

        CheckFrameLengths(file.Frames);
        var sparse = !string.Equals(dataset.GetString(DicomTags.DimensionOrganizationType), "TILED_FULL", StringComparison.OrdinalIgnoreCase)
            && dataset.Contains(DicomTags.PerFrameFunctionalGroupsSequence);
        var frameTiles = sparse ? SparseFrameTiles(dataset, file.Frames.FrameCount, (int)width, (int)height, tileColumns, tileRows) : null;
        return new DicomInstance(file, flavor, decoder, frameTiles);
    }

    public void Dispose() => Handle.Dispose();

    private static (DicomFrameCodec Codec, JpegColorSpace ColorSpace) CodecOf(string syntax, string photometric, bool encapsulated)
    {
        var codec = syntax switch
        {
            DicomFileReader.ExplicitVrLittleEndian or DicomFileReader.ImplicitVrLittleEndian when !encapsulated => DicomFrameCodec.Uncompressed,
            JpegBaseline when encapsulated => DicomFrameCodec.Jpeg,
            Jpeg2000Lossless or Jpeg2000 when encapsulated => DicomFrameCodec.Jpeg2000,
            _ => throw new DicomFormatException($"unsupported transfer syntax {syntax}{(encapsulated ? " (encapsulated)" : string.Empty)}: JPEG baseline, JPEG 2000 and uncompressed little endian are read"),
        };
        var colorSpace = (codec, photometric) switch
        {
            (DicomFrameCodec.Jpeg, "YBR_FULL_422" or "YBR_FULL") => JpegColorSpace.YCbCr,
            (DicomFrameCodec.Jpeg, "RGB") => JpegColorSpace.Rgb,
            (DicomFrameCodec.Jpeg2000, "RGB" or "YBR_ICT" or "YBR_RCT") => JpegColorSpace.Rgb,
            (DicomFrameCodec.Uncompressed, "RGB") => JpegColorSpace.Rgb,
            _ => throw new DicomFormatException($"unsupported photometric interpretation {photometric} for transfer syntax {syntax}"),
        };
        return (codec, colorSpace);
    }

    private static void RequireValue(DicomDataset dataset, DicomTag tag, string name, long expected)
    {
        if (dataset.GetInteger(tag) is { } value && value != expected)
        {
            throw new DicomFormatException($"{name} {tag} is {value}; only {expected} is read");
        }
    }

    private static void CheckFrameLengths(DicomFrameTable frames)
    {
        for (var frame = 0; frame < frames.FrameCount; frame++)
        {
            if (frames.StoredLength(frame) > SlideLevel.MaxChunkBytes)
            {
                throw new DicomFormatException($"frame {frame + 1} is stored in {frames.StoredLength(frame)} bytes, more than a frame may take ({SlideLevel.MaxChunkBytes})");
            }
        }
    }

    // Per-frame positions are 1-based pixel-matrix coordinates of each frame's top-left pixel; they must lie on the
    // tile grid, and all frames on one focal plane.
    private static int[] SparseFrameTiles(DicomDataset dataset, int frames, int width, int height, long tileColumns, long tileRows)
    {
        var perFrame = dataset.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        if (perFrame.Count != frames)
        {
            throw new DicomFormatException($"the Per-Frame Functional Groups hold {perFrame.Count} items for {frames} frames");
        }

        var tiles = new int[frames];
        double? focus = null;
        for (var frame = 0; frame < frames; frame++)
        {
            var position = perFrame[frame].GetItem(DicomTags.PlanePositionSlideSequence)
                ?? throw new DicomFormatException($"frame {frame + 1} has no Plane Position (Slide) Sequence (0048,021A) in a TILED_SPARSE instance");
            var column = position.GetInteger(DicomTags.ColumnPositionInTotalImagePixelMatrix);
            var row = position.GetInteger(DicomTags.RowPositionInTotalImagePixelMatrix);
            if (column is not { } x || row is not { } y || x < 1 || y < 1 || (x - 1) % width != 0 || (y - 1) % height != 0
                || (x - 1) / width >= tileColumns || (y - 1) / height >= tileRows)
            {
                throw new DicomFormatException($"frame {frame + 1} lies at column {column}, row {row} of the pixel matrix, not on its {width} x {height} tile grid");
            }

            if (position.GetDoubles(DicomTags.ZOffsetInSlideCoordinateSystem) is [var z, ..] && !double.IsNaN(z))
            {
                if (focus is { } first && Math.Abs(first - z) > 1e-9)
                {
                    throw new DicomFormatException($"several focal planes (frame {frame + 1} at z {z}, frame 1 at {first}): only one is read");
                }

                focus ??= z;
            }

            tiles[frame] = (int)((((y - 1) / height) * tileColumns) + ((x - 1) / width));
        }

        return tiles;
    }
}
