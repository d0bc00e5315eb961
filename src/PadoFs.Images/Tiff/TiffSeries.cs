using PadoFs.Images.Pixels;

namespace PadoFs.Images.Tiff;

/// <summary>
/// One image of a TIFF file as tifffile identifies it (tifffile's <c>TiffPageSeries</c>): its name, dimensions
/// and pyramid levels: tifffile's shaped series, OME-TIFF images, ImageJ hyperstacks, the Aperio SVS and qptiff
/// layouts, else groups of alike pages, each followed by its reduced resolutions.
/// </summary>
public sealed class TiffSeries
{
    private IReadOnlyList<IReadOnlyList<TiffPage?>>? _levelPlanes;

    internal TiffSeries(string name, string kind, string axes, IReadOnlyList<long> shape, IReadOnlyList<TiffPage> pages, IReadOnlyList<TiffPage> levels)
        : this(name, kind, axes, shape, pages, levels, levelPlanes: null)
    {
    }

    // Without level planes, every level is one page; the SVS layout adds levels to its list after construction.
    internal TiffSeries(string name, string kind, string axes, IReadOnlyList<long> shape, IReadOnlyList<TiffPage> pages, IReadOnlyList<TiffPage> levels, IReadOnlyList<IReadOnlyList<TiffPage?>>? levelPlanes)
    {
        Name = name;
        Kind = kind;
        Axes = axes;
        Shape = shape;
        Pages = pages;
        Levels = levels;
        _levelPlanes = levelPlanes;
    }

    /// <summary>The name tifffile gives: <c>Baseline</c>, <c>Thumbnail</c>, <c>Label</c>, <c>Macro</c> in SVS files, else empty.</summary>
    public string Name { get; }

    /// <summary>How the series was identified, as tifffile's <c>kind</c>: <c>shaped</c>, <c>ome</c>, <c>imagej</c>, <c>svs</c>, <c>qpi</c> or <c>generic</c>.</summary>
    public string Kind { get; }

    /// <summary>Dimension codes of the full-resolution image, length-1 dimensions other than Y and X dropped but in shaped series (e.g. <c>YXS</c>, <c>YX</c>, <c>IYX</c>, <c>QQYX</c>).</summary>
    public string Axes { get; }

    /// <summary>The sizes of the dimensions in <see cref="Axes"/>.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The channels and pixel size of an OME-TIFF's image; null for other series.</summary>
    public OmePixels? Ome { get; init; }

    /// <summary>The channels a qptiff's page descriptions name, one per channel page; empty where the file names none.</summary>
    public IReadOnlyList<SlideChannel> Channels { get; init; } = [];

    /// <summary>The full-resolution pages (more than one for a stack of alike pages).</summary>
    public IReadOnlyList<TiffPage> Pages { get; }

    /// <summary>The first page of each pyramid level, from the largest (<see cref="Pages"/>[0]) to the smallest.</summary>
    public IReadOnlyList<TiffPage> Levels { get; }

    /// <summary>
    /// Per pyramid level, the page of every plane of the axes before the pages' own, in C order (one page for a 2D
    /// image); null where the file stores no page for a plane.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TiffPage?>> LevelPlanes => _levelPlanes ??= LevelsOfOnePage(Levels);

    /// <summary><see cref="Shape"/> at <paramref name="level"/>: the sizes of Y and X are that level's.</summary>
    public long[] LevelShape(int level)
    {
        var shape = new long[Shape.Count];
        for (var axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = Axes[axis] switch
            {
                'Y' => Levels[level].Height,
                'X' => Levels[level].Width,
                _ => Shape[axis],
            };
        }

        return shape;
    }

    // tifffile's order: a layout whose mark the first page carries decides, and where it fails the generic series apply.
    internal static IReadOnlyList<TiffSeries> Identify(TiffFile file, IReadOnlyList<TiffPage> pages) =>
        (ShapedSeries.Matches(pages) ? ShapedSeries.Build(pages)
            : OmeSeries.Build(file, pages)
                ?? (ImageJSeries.Matches(pages) ? ImageJSeries.Build(file, pages)
                    : SvsSeries.Matches(pages) ? SvsSeries.Build(pages)
                    : QptiffSeries.Matches(file, pages) ? QptiffSeries.Build(pages)
                    : null))
        ?? GenericSeries.Build(pages);

    private static IReadOnlyList<TiffPage?>[] LevelsOfOnePage(IReadOnlyList<TiffPage> levels)
    {
        var planes = new IReadOnlyList<TiffPage?>[levels.Count];
        for (var level = 0; level < planes.Length; level++)
        {
            planes[level] = [levels[level]];
        }

        return planes;
    }
}
