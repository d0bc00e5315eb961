namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Aperio's TIFF compression codes for tiles stored as raw JPEG 2000 codestreams (no JP2 boxes). The code says how
/// the three decoded components become RGB, since the codestream itself does not.
/// </summary>
internal enum AperioJpeg2000Compression
{
    /// <summary>Components are Y, Cb, Cr (the chroma usually at half width), converted as OpenSlide converts them.</summary>
    YCbCr = 33003,

    /// <summary>Components are R, G, B (any colour transform of the codestream is undone by OpenJPEG).</summary>
    Rgb = 33005,
}
