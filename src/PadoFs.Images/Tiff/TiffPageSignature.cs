namespace PadoFs.Images.Tiff;

/// <summary>
/// What pages of one series share: shape and everything that decides how their chunks decode. Pages with
/// equal signatures form one series of a generic TIFF, as tifffile groups them.
/// </summary>
internal readonly record struct TiffPageSignature(
    long Planes,
    long Height,
    long Width,
    long InterleavedSamples,
    long RowsPerStrip,
    long TileWidth,
    long TileLength,
    int SampleFormat,
    int BitsPerSample,
    int FillOrder,
    int Predictor,
    int Compression,
    string ExtraSamples,
    int Photometric);
