using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Backends;

/// <summary>
/// The library that decodes a slide's pixels (pado hides it the same way). A backend is opened on one
/// file and is safe to read from many threads at once; it never reaches for anything above it.
/// </summary>
public interface ISlideBackend : IDisposable
{
    /// <summary>Short name recorded as <c>pado_image_backend</c>, e.g. <c>openslide</c>.</summary>
    string Name { get; }

    /// <summary>Version of the library behind the backend, recorded as <c>pado_image_backend_version</c>.</summary>
    string Version { get; }

    /// <summary>Levels from the largest (level 0) to the smallest.</summary>
    IReadOnlyList<SlideLevel> Levels { get; }

    /// <summary>The chunks of every level, in the order of <see cref="Levels"/>: how the zarr arrays of the slide are cut and decoded.</summary>
    IReadOnlyList<IChunkSource> ChunkSources { get; }

    /// <summary>Every property the library reports; well-known ones use the names in <see cref="SlidePropertyNames"/>.</summary>
    IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The channels of the image where the file names them (OME-XML), in the order of its channel axis; empty otherwise.</summary>
    IReadOnlyList<SlideChannel> Channels { get; }

    /// <summary>Names of the small images stored beside the pyramid (label, macro, thumbnail, ...).</summary>
    IReadOnlyList<string> AssociatedImageNames { get; }

    /// <summary>
    /// The file's other images, each a pyramid of its own (a TIFF's series after the first); empty for formats that
    /// hold one image. Associated images are not among them.
    /// </summary>
    IReadOnlyList<SlideSeries> OtherSeries => [];

    /// <summary>The format of every pixel <see cref="ReadRegion"/> writes.</summary>
    PixelFormat PixelFormat { get; }

    /// <summary>
    /// Writes the <paramref name="width"/> x <paramref name="height"/> region of <paramref name="level"/> whose
    /// top-left corner is (<paramref name="x"/>, <paramref name="y"/>) in level-0 pixels into
    /// <paramref name="destination"/> as H x W x S. Areas outside the level read as the slide's background.
    /// </summary>
    /// <exception cref="SlideReadException">the library failed to decode the region.</exception>
    void ReadRegion(int level, long x, long y, int width, int height, Span<byte> destination);

    /// <summary>The width and height of an associated image, without decoding it.</summary>
    (int Width, int Height) GetAssociatedImageSize(string name);

    /// <summary>Reads an associated image whole.</summary>
    /// <exception cref="SlideReadException">the library failed to decode it.</exception>
    PixelArray ReadAssociatedImage(string name);
}
