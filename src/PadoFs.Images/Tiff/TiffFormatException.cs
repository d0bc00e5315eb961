namespace PadoFs.Images.Tiff;

/// <summary>
/// The file is not a TIFF, or its structure is broken (truncated, looping, absurd counts). The message says
/// what is wrong but not which file: the caller knows the file and wraps this into a slide error naming it.
/// </summary>
public sealed class TiffFormatException : Exception
{
    public TiffFormatException(string message)
        : base(message)
    {
    }

    public TiffFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TiffFormatException()
    {
    }
}
