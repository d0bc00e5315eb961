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

    /// <summary>False when the file is no TIFF at all (its first bytes say so); true for a TIFF whose structure is broken.</summary>
    public bool IsTiff { get; private init; } = true;

    internal static TiffFormatException NotTiff(string message) => new(message) { IsTiff = false };
}
