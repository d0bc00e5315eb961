namespace PadoFs.Images.Errors;

/// <summary>The slide opened, but decoding pixels from it failed.</summary>
public sealed class SlideReadException(string urlpath, string reason, Exception? inner = null)
    : SlideException(urlpath, reason, "Cannot read", inner);
