namespace PadoFs.Images.Tiff;

/// <summary>
/// One image of a TIFF file as tifffile identifies it (tifffile's <c>TiffPageSeries</c>): its name, dimensions
/// and pyramid levels. Aperio SVS files are split into Baseline, Thumbnail, Label and Macro; any other file
/// into groups of alike pages, each followed by its reduced resolutions.
/// </summary>
public sealed class TiffSeries
{
    internal TiffSeries(string name, string kind, string axes, IReadOnlyList<long> shape, IReadOnlyList<TiffPage> pages, IReadOnlyList<TiffPage> levels)
    {
        Name = name;
        Kind = kind;
        Axes = axes;
        Shape = shape;
        Pages = pages;
        Levels = levels;
    }

    /// <summary>The name tifffile gives: <c>Baseline</c>, <c>Thumbnail</c>, <c>Label</c>, <c>Macro</c> in SVS files, else empty.</summary>
    public string Name { get; }

    /// <summary>How the series was identified: <c>svs</c> or <c>generic</c>.</summary>
    public string Kind { get; }

    /// <summary>Dimension codes of the full-resolution image, length-1 dimensions other than Y and X dropped (e.g. <c>YXS</c>, <c>YX</c>, <c>IYX</c>).</summary>
    public string Axes { get; }

    /// <summary>The sizes of the dimensions in <see cref="Axes"/>.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The full-resolution pages (more than one for a stack of alike pages).</summary>
    public IReadOnlyList<TiffPage> Pages { get; }

    /// <summary>The first page of each pyramid level, from the largest (<see cref="Pages"/>[0]) to the smallest.</summary>
    public IReadOnlyList<TiffPage> Levels { get; }

    internal static IReadOnlyList<TiffSeries> Identify(IReadOnlyList<TiffPage> pages) =>
        SvsSeries.Matches(pages) ? SvsSeries.Build(pages) : GenericSeries.Build(pages);
}
