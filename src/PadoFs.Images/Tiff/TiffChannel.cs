namespace PadoFs.Images.Tiff;

/// <summary>One channel a file's metadata names (an OME-XML <c>Channel</c>, a qptiff page's XML): its name and its colour as RGBA, when given.</summary>
public sealed record TiffChannel(string? Name, uint? Rgba);
