namespace PadoFs.Images.Tiff;

/// <summary>
/// Series of a TIFF without a known layout, found the way tifffile does: pages (and their SubIFDs) with equal
/// signatures form one series, in order of first appearance; then each series takes as its pyramid levels the
/// later series that are its successive reductions by one factor (2, 3 or 4). SubIFD series never head a pyramid.
/// </summary>
internal static class GenericSeries
{
    private const string Kind = "generic";
    private static readonly int[] s_samplingFactors = [2, 3, 4];

    public static List<TiffSeries> Build(IReadOnlyList<TiffPage> pages)
    {
        var groups = new Dictionary<TiffPageSignature, List<TiffPage>>();
        var ordered = new List<List<TiffPage>>();
        foreach (var page in pages)
        {
            Add(page, groups, ordered);
            foreach (var subPage in page.SubPages)
            {
                Add(subPage, groups, ordered);
            }
        }

        var candidates = ordered.ConvertAll(group => new SeriesCandidate(group));
        Pyramidize(candidates, reducedOnly: false);
        return candidates.ConvertAll(c => c.ToSeries(Kind));
    }

    private static void Add(TiffPage page, Dictionary<TiffPageSignature, List<TiffPage>> groups, List<List<TiffPage>> ordered)
    {
        if (page.Tags.Count == 0)
        {
            return;
        }

        if (groups.TryGetValue(page.Signature, out var group))
        {
            group.Add(page);
            return;
        }

        group = [page];
        groups.Add(page.Signature, group);
        ordered.Add(group);
    }

    /// <summary>
    /// Appends to each series the later ones that are its successive reductions, as tifffile's pyramidize_series;
    /// with <paramref name="reducedOnly"/>, only series whose first page is marked reduced (NewSubfileType bit 0).
    /// </summary>
    public static void Pyramidize(List<SeriesCandidate> series, bool reducedOnly)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var top = series[i];
            if (top.Pages[0].IsSubIfd)
            {
                continue;
            }

            int? factor = null;
            for (var j = i + 1; j < series.Count;)
            {
                var candidate = series[j];
                if (reducedOnly && !candidate.Pages[0].IsReduced)
                {
                    j++;
                    continue;
                }

                factor ??= ReductionFactor(top.Levels[^1], candidate);
                if (factor is null || top.Levels[^1].SubresolutionLevel(candidate, factor.Value) != 1)
                {
                    j++;
                    continue;
                }

                top.Levels.Add(candidate);
                series.RemoveAt(j);
            }
        }
    }

    /// <summary>The sampling factor by which <paramref name="reduced"/> is one level below <paramref name="level"/>, if any.</summary>
    private static int? ReductionFactor(SeriesCandidate level, SeriesCandidate reduced)
    {
        foreach (var factor in s_samplingFactors)
        {
            if (level.SubresolutionLevel(reduced, factor) == 1)
            {
                return factor;
            }
        }

        return null;
    }
}
