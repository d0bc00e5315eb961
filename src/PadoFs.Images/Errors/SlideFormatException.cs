namespace PadoFs.Images.Errors;

/// <summary>The path exists but is not a slide any backend can open: a directory, an empty file, an unknown or unsupported format.</summary>
public sealed class SlideFormatException(string urlpath, string reason, Exception? inner = null)
    : SlideException(urlpath, reason, "Cannot open", inner);
