using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Backends;

/// <summary>
/// An image of a slide file besides the one whose levels the backend serves (a TIFF's series after its first, as
/// tifffile numbers them): its own levels, chunks, channels and pixel size.
/// </summary>
/// <param name="Index">the series' number in the file (tifffile's index into <c>series</c>).</param>
/// <param name="Name">the name the file gives it (tifffile's series name), often empty.</param>
/// <param name="MppX">µm per pixel across at its level 0, where the file says so for this image.</param>
/// <param name="MppY">µm per pixel down at its level 0, where the file says so for this image.</param>
public sealed record SlideSeries(
    int Index,
    string Name,
    IReadOnlyList<SlideLevel> Levels,
    IReadOnlyList<IChunkSource> ChunkSources,
    IReadOnlyList<SlideChannel> Channels,
    double? MppX,
    double? MppY);
