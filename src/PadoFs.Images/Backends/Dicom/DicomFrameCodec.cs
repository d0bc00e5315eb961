namespace PadoFs.Images.Backends.Dicom;

/// <summary>How the frames of an instance are stored, from its transfer syntax.</summary>
internal enum DicomFrameCodec
{
    /// <summary>Native pixel data, explicit or implicit VR little endian: the frame's bytes are its pixels.</summary>
    Uncompressed,

    /// <summary>JPEG baseline (1.2.840.10008.1.2.4.50), decoded with TurboJPEG.</summary>
    Jpeg,

    /// <summary>JPEG 2000, lossless or not (1.2.840.10008.1.2.4.90 and .91), decoded with OpenJPEG.</summary>
    Jpeg2000,
}
