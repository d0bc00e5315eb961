namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// What a JPEG stream's frame header (SOFn) declares: the image size, the number of components and, as a bit mask,
/// the quantization table slots its components use.
/// </summary>
internal readonly record struct JpegFrameHeader(int Width, int Height, int Components, int QuantizationTables);
