namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>How many quantization, DC and AC Huffman tables an old-style JPEG page defines (at least one each).</summary>
internal readonly record struct OldJpegTableCounts(int Quantization, int Dc, int Ac);
