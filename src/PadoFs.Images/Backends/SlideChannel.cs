namespace PadoFs.Images.Backends;

/// <summary>One channel of an image as its file names it (an OME-XML <c>Channel</c>): its name and colour (RGBA), when given.</summary>
public sealed record SlideChannel(string? Name, uint? Rgba);
