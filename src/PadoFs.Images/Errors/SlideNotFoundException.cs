namespace PadoFs.Images.Errors;

/// <summary>Nothing exists at the slide's path.</summary>
public sealed class SlideNotFoundException(string urlpath, Exception? inner = null)
    : SlideException(urlpath, "no such file", "Cannot open", inner);
