namespace PadoFs.Images.Errors;

/// <summary>The slide's file exists, but this process may not read it or a folder on its path may not be searched.</summary>
public sealed class SlideAccessDeniedException(string urlpath, Exception? inner = null)
    : SlideException(urlpath, "permission denied", "Cannot open", inner);
