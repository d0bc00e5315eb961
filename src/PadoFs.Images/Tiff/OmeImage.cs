namespace PadoFs.Images.Tiff;

/// <summary>What an OME-XML <c>Image</c> says about its pixels beyond their shape: its channels and the size of a pixel in µm.</summary>
public sealed record OmeImage(IReadOnlyList<OmeChannel> Channels, double? PhysicalSizeX, double? PhysicalSizeY);
