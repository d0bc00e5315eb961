using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// One image of an OME-XML document: its name, its size in pixels, z-planes, channels and time points, its pixel
/// format, its channels and, when known, the size of one pixel in micrometres.
/// </summary>
internal sealed record OmeImage(
    string Name,
    long Width,
    long Height,
    PixelFormat Format,
    IReadOnlyList<OmeChannel> Channels,
    long SizeZ = 1,
    long SizeT = 1,
    double? PhysicalSizeX = null,
    double? PhysicalSizeY = null);
