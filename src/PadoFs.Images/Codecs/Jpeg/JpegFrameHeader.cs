namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>What a JPEG stream's frame header (SOFn) declares: the image size and the number of components.</summary>
internal readonly record struct JpegFrameHeader(int Width, int Height, int Components);
