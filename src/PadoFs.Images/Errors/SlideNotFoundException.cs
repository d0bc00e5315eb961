namespace PadoFs.Images.Errors;

/// <summary>Nothing exists at the slide's path.</summary>
public sealed class SlideNotFoundException(string urlpath, Exception? inner = null, string reason = "no such file")
    : SlideException(urlpath, reason, "Cannot open", inner);
