namespace PadoFs.Images.Dicom;

/// <summary>
/// The value representations an implicit-VR file leaves out, for the elements whose values are read as numbers or
/// items (PS3.6). Everything else reads as text, which is what every other element a slide reader shows is.
/// </summary>
internal static class DicomImplicitVr
{
    private static readonly Dictionary<DicomTag, string> s_known = new()
    {
        [DicomTags.SamplesPerPixel] = "US",
        [DicomTags.PlanarConfiguration] = "US",
        [DicomTags.Rows] = "US",
        [DicomTags.Columns] = "US",
        [DicomTags.BitsAllocated] = "US",
        [DicomTags.BitsStored] = "US",
        [new DicomTag(0x0028, 0x0102)] = "US",
        [DicomTags.PixelRepresentation] = "US",
        [DicomTags.InConcatenationNumber] = "US",
        [DicomTags.InConcatenationTotalNumber] = "US",
        [DicomTags.ConcatenationFrameOffsetNumber] = "UL",
        [DicomTags.TotalPixelMatrixColumns] = "UL",
        [DicomTags.TotalPixelMatrixRows] = "UL",
        [DicomTags.NumberOfOpticalPaths] = "UL",
        [DicomTags.TotalPixelMatrixFocalPlanes] = "UL",
        [DicomTags.ColumnPositionInTotalImagePixelMatrix] = "SL",
        [DicomTags.RowPositionInTotalImagePixelMatrix] = "SL",
        [DicomTags.IccProfile] = "OB",
        [DicomTags.ExtendedOffsetTable] = "OV",
        [DicomTags.ExtendedOffsetTableLengths] = "OV",
        [DicomTags.PixelData] = "OB",
        [DicomTags.OpticalPathSequence] = "SQ",
        [DicomTags.PlanePositionSlideSequence] = "SQ",
        [DicomTags.PixelMeasuresSequence] = "SQ",
        [DicomTags.SharedFunctionalGroupsSequence] = "SQ",
        [DicomTags.PerFrameFunctionalGroupsSequence] = "SQ",
        [new DicomTag(0x0020, 0x9111)] = "SQ",
        [new DicomTag(0x0020, 0x9221)] = "SQ",
        [new DicomTag(0x0020, 0x9222)] = "SQ",
        [new DicomTag(0x0048, 0x0008)] = "SQ",
        [new DicomTag(0x0040, 0x0560)] = "SQ",
        [new DicomTag(0x0040, 0x0555)] = "SQ",
        [new DicomTag(0x0022, 0x0016)] = "SQ",
        [new DicomTag(0x0048, 0x0108)] = "SQ",
        [new DicomTag(0x0008, 0x1115)] = "SQ",
        [new DicomTag(0x0008, 0x1140)] = "SQ",
        [new DicomTag(0x0018, 0xA001)] = "SQ",
        [new DicomTag(0x0040, 0x0513)] = "SQ",
        [new DicomTag(0x0040, 0x0518)] = "SQ",
        [new DicomTag(0x0008, 0x0110)] = "SQ",
    };

    public static string Of(DicomTag tag) => s_known.GetValueOrDefault(tag, "UN");
}
