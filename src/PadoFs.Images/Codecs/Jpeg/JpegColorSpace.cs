namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// What a TIFF page's JPEG tiles hold, named by the page's Photometric tag (the values are that tag's codes). The
/// tag, not the JPEG stream, decides whether the decoder converts from YCbCr: Aperio writes RGB samples into
/// streams without any marker that would say so, and OpenSlide reads them as the tag says.
/// </summary>
internal enum JpegColorSpace
{
    /// <summary>One sample, 0 is black (Photometric MinIsBlack).</summary>
    Gray = 1,

    /// <summary>Three samples stored as R, G, B: decoded without a colour transform.</summary>
    Rgb = 2,

    /// <summary>Three samples stored as Y, Cb, Cr: converted to RGB by the decoder.</summary>
    YCbCr = 6,
}
