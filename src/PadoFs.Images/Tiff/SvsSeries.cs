namespace PadoFs.Images.Tiff;

/// <summary>
/// The layout of Aperio SVS files: the tiled baseline, a stripped thumbnail, the tiled reduced resolutions, then
/// the label and the macro image (NewSubfileType 9 marks the macro).
/// </summary>
internal static class SvsSeries
{
    private const string Kind = "svs";
    private const long MacroSubfileType = 9;

    public static bool Matches(IReadOnlyList<TiffPage> pages) =>
        pages.Count > 0 && pages[0].IsTiled && pages[0].ImageDescription.StartsWith("Aperio ", StringComparison.Ordinal);

    public static List<TiffSeries> Build(IReadOnlyList<TiffPage> pages)
    {
        var baselineLevels = new List<TiffPage> { pages[0] };
        var series = new List<TiffSeries> { Single("Baseline", pages[0], baselineLevels) };
        if (pages.Count == 1)
        {
            return series;
        }

        series.Add(Single("Thumbnail", pages[1], [pages[1]]));
        var index = 2;
        for (; index < pages.Count && pages[index].IsTiled && !pages[index].IsReduced; index++)
        {
            baselineLevels.Add(pages[index]);
        }

        for (var end = Math.Min(index + 2, pages.Count); index < end; index++)
        {
            var page = pages[index];
            series.Add(Single(page.NewSubfileType == MacroSubfileType ? "Macro" : "Label", page, [page]));
        }

        return series;
    }

    private static TiffSeries Single(string name, TiffPage page, IReadOnlyList<TiffPage> levels) =>
        new(name, Kind, page.Axes, page.Shape, [page], levels);
}
