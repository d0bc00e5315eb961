using PadoFs.Images.Pixels;

namespace PadoFs.Images.Tiff;

/// <summary>
/// What an OME-XML <c>Pixels</c> element says about an image's pixels beyond their shape: its channels and the size
/// of a pixel in µm.
/// </summary>
public sealed record OmePixels(IReadOnlyList<SlideChannel> Channels, double? PhysicalSizeX, double? PhysicalSizeY);
