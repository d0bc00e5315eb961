namespace PadoFs.Images.Dicom;

/// <summary>The tags a whole-slide reader looks at (PS3.6 data dictionary), and the item markers of sequences and fragments.</summary>
public static class DicomTags
{
    public static readonly DicomTag TransferSyntaxUid = new(0x0002, 0x0010);
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);
    public static readonly DicomTag SopClassUid = new(0x0008, 0x0016);
    public static readonly DicomTag SopInstanceUid = new(0x0008, 0x0018);
    public static readonly DicomTag SeriesInstanceUid = new(0x0020, 0x000E);
    public static readonly DicomTag InConcatenationNumber = new(0x0020, 0x9162);
    public static readonly DicomTag ConcatenationFrameOffsetNumber = new(0x0020, 0x9228);
    public static readonly DicomTag InConcatenationTotalNumber = new(0x0020, 0x9163);
    public static readonly DicomTag ConcatenationUid = new(0x0020, 0x9161);
    public static readonly DicomTag DimensionOrganizationType = new(0x0020, 0x9311);
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);
    public static readonly DicomTag Rows = new(0x0028, 0x0010);
    public static readonly DicomTag Columns = new(0x0028, 0x0011);
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);
    public static readonly DicomTag IccProfile = new(0x0028, 0x2000);
    public static readonly DicomTag ZOffsetInSlideCoordinateSystem = new(0x0040, 0x074A);
    public static readonly DicomTag TotalPixelMatrixColumns = new(0x0048, 0x0006);
    public static readonly DicomTag TotalPixelMatrixRows = new(0x0048, 0x0007);
    public static readonly DicomTag OpticalPathSequence = new(0x0048, 0x0105);
    public static readonly DicomTag ObjectiveLensPower = new(0x0048, 0x0112);
    public static readonly DicomTag PlanePositionSlideSequence = new(0x0048, 0x021A);
    public static readonly DicomTag ColumnPositionInTotalImagePixelMatrix = new(0x0048, 0x021E);
    public static readonly DicomTag RowPositionInTotalImagePixelMatrix = new(0x0048, 0x021F);
    public static readonly DicomTag NumberOfOpticalPaths = new(0x0048, 0x0302);
    public static readonly DicomTag TotalPixelMatrixFocalPlanes = new(0x0048, 0x0303);
    public static readonly DicomTag PixelMeasuresSequence = new(0x0028, 0x9110);
    public static readonly DicomTag SharedFunctionalGroupsSequence = new(0x5200, 0x9229);
    public static readonly DicomTag PerFrameFunctionalGroupsSequence = new(0x5200, 0x9230);
    public static readonly DicomTag ExtendedOffsetTable = new(0x7FE0, 0x0001);
    public static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE0, 0x0002);
    public static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    public static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    public static readonly DicomTag ItemDelimitation = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitation = new(0xFFFE, 0xE0DD);
}
