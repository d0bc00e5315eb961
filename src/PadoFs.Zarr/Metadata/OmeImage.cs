using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// One image of an OME-XML document: its name, its size in pixels, its pixel format and, when known, the size of
/// one pixel in micrometres.
/// </summary>
internal sealed record OmeImage(string Name, long Width, long Height, PixelFormat Format, double? PhysicalSizeX = null, double? PhysicalSizeY = null);
