using PadoFs.Images.Geometry;
using PadoFs.Images.Pixels;

namespace PadoFs.Images;

/// <summary>
/// One image of a slide file, a pyramid of its own: series 0 is the image itself (its <see cref="Image.Levels"/>);
/// a TIFF may hold more (tifffile's <c>series[1:]</c>), which pado, reading series 0, does not reach.
/// </summary>
/// <param name="Index">the series' number in the file, as tifffile numbers them; 0 for the image itself.</param>
/// <param name="Name">the name the file gives it (tifffile's series name), often empty.</param>
/// <param name="Levels">its pyramid levels with their chunk grids, level 0 first.</param>
/// <param name="PixelFormat">the samples of one of its pixels.</param>
/// <param name="Channels">its channels where the file names them (OME-XML); empty otherwise.</param>
/// <param name="Mpp">its level 0's resolution where known: the image's own for series 0, what the file says of this image for the others.</param>
public sealed record ImageSeries(int Index, string Name, IReadOnlyList<ImageLevel> Levels, PixelFormat PixelFormat, IReadOnlyList<SlideChannel> Channels, Mpp? Mpp);
