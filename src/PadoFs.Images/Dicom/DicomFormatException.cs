namespace PadoFs.Images.Dicom;

/// <summary>
/// The file is not DICOM Part 10, or its structure is broken (truncated, lengths past the end, absurd counts). The
/// message says what is wrong but not which file: the caller knows the file and wraps this into a slide error naming it.
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException(string message)
        : base(message)
    {
    }

    public DicomFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DicomFormatException()
    {
    }
}
