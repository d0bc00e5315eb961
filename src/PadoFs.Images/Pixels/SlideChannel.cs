namespace PadoFs.Images.Pixels;

/// <summary>
/// One channel of an image as its file names it (an OME-XML <c>Channel</c>, a qptiff page's XML): its name and its
/// colour as RGBA, when given.
/// </summary>
public sealed record SlideChannel(string? Name, uint? Rgba);
