namespace PadoFs.Images.Errors;

/// <summary>The slide's file exists, but this process may not read it or a folder on its path may not be searched.</summary>
public sealed class SlideAccessDeniedException(string urlpath, Exception? inner = null, string reason = "permission denied")
    : SlideException(urlpath, reason, "Cannot open", inner);
