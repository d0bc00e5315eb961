namespace PadoFs.Images.Tiff;

/// <summary>One OME-XML <c>Channel</c>: its name and its colour as RGBA, when given.</summary>
public sealed record OmeChannel(string? Name, uint? Rgba);
