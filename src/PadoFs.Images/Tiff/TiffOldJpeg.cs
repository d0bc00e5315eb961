namespace PadoFs.Images.Tiff;

/// <summary>
/// What the tags of an old-style JPEG page (TIFF 6 section 22, compression 6) say about its streams: each chunk is
/// the entropy-coded data alone, and the tables and frame come from these tags.
/// </summary>
/// <param name="Process">JPEGProc: 1 baseline sequential, 14 lossless.</param>
/// <param name="InterchangeFormat">JPEGInterchangeFormat: offset of a whole JPEG stream, 0 when absent.</param>
/// <param name="RestartInterval">JPEGRestartInterval: MCUs between restart markers, 0 for none.</param>
/// <param name="QuantizationTables">JPEGQTables: per component, the offset of 64 table bytes in zigzag order.</param>
/// <param name="DcTables">JPEGDCTables: per component, the offset of 16 code counts and the values.</param>
/// <param name="AcTables">JPEGACTables: the same for the AC coefficients.</param>
/// <param name="SubsamplingX">YCbCrSubSampling: luma samples per chroma sample across.</param>
/// <param name="SubsamplingY">YCbCrSubSampling: luma samples per chroma sample down.</param>
/// <param name="LumaCoefficients">YCbCrCoefficients: the red, green and blue weights of luma.</param>
/// <param name="ReferenceBlackWhite">ReferenceBlackWhite: the codes of black and white of Y, then Cb, then Cr.</param>
public sealed record TiffOldJpeg(
    int Process,
    long InterchangeFormat,
    int RestartInterval,
    IReadOnlyList<long> QuantizationTables,
    IReadOnlyList<long> DcTables,
    IReadOnlyList<long> AcTables,
    int SubsamplingX,
    int SubsamplingY,
    IReadOnlyList<float> LumaCoefficients,
    IReadOnlyList<float> ReferenceBlackWhite);
