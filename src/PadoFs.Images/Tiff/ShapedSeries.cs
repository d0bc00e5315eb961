namespace PadoFs.Images.Tiff;

/// <summary>
/// The series of a file tifffile wrote with its default metadata, read as tifffile's <c>_series_shaped</c> reads them:
/// each series starts at a page whose ImageDescription is tifffile's JSON (<c>{"shape": [...], "axes": ...}</c>, or the
/// old <c>shape=(...)</c>) and spans as many pages as its shape holds; its axes are the stated ones, else tifffile's
/// reshape of the pages' own axes (Q for a dimension it cannot name), never squeezed. The SubIFDs of its pages are
/// series of their own, and the series marked reduced become the pyramid levels of those they reduce. Null where a
/// series start has no such description, or one that does not parse or does not divide into pages, so that the
/// generic series apply.
/// </summary>
internal static class ShapedSeries
{
    private const string Kind = "shaped";

    /// <summary>True when the first page carries tifffile's shape description (tifffile's <c>is_shaped</c>).</summary>
    public static bool Matches(IReadOnlyList<TiffPage> pages) => pages.Count > 0 && IsShapedDescription(pages[0].ImageDescription);

    public static List<TiffSeries>? Build(IReadOnlyList<TiffPage> pages)
    {
        var found = new List<SeriesCandidate>();
        if (!Detect(pages, isSubIfdList: false, found))
        {
            return null;
        }

        GenericSeries.Pyramidize(found, reducedOnly: true);
        return found.ConvertAll(candidate => candidate.ToSeries(Kind));
    }

    private static bool IsShapedDescription(string description) =>
        description.Length > 0 && !description.Contains("\"mibi.", StringComparison.Ordinal)
        && ((description.StartsWith('{') && description.Contains("\"shape\":", StringComparison.Ordinal)) || description.StartsWith("shape=", StringComparison.Ordinal));

    // As tifffile, a list of SubIFD pages takes its first page as the key of every series in it.
    private static bool Detect(IReadOnlyList<TiffPage> pages, bool isSubIfdList, List<SeriesCandidate> found)
    {
        for (var index = 0; index < pages.Count;)
        {
            var key = isSubIfdList ? pages[0] : pages[index];
            if (!IsShapedDescription(key.ImageDescription) || ShapedDescription.Parse(key.ImageDescription) is not { } metadata)
            {
                return false;
            }

            var statedAxes = metadata.Axes is { } axes && axes.Length == metadata.Shape.Length ? axes : null;
            var size = Product(metadata.Shape);
            var pageSize = Product(key.Shape);
            var pageCount = size > 0 ? size / Math.Max(pageSize, 1) : 1;
            if (size > 0 && (pageSize == 0 || size % pageSize != 0))
            {
                return false;
            }

            var truncated = metadata.Truncated ?? (key.SubIfdOffsets.Count == 0 ? null : false);
            var seriesPages = new List<TiffPage> { key };
            if (pageCount > 1 && pageCount <= pages.Count - index)
            {
                if (truncated == true)
                {
                    pageCount = 1;
                }
                else
                {
                    // tifffile may take the planes of contiguous pages from the first page's data alone; the pages
                    // hold the same bytes, so they are read page by page here.
                    for (var j = index + 1; j < index + pageCount; j++)
                    {
                        seriesPages.Add(pages[j]);
                    }
                }
            }

            found.Add(Candidate(seriesPages, statedAxes, metadata.Shape, metadata.Name));
            index += (int)Math.Min(pageCount, int.MaxValue);
            if (!DetectSubIfds(key, seriesPages, found))
            {
                return false;
            }
        }

        return true;
    }

    // Every SubIFD slot of the key page is a list of one page per series page, read as series of its own.
    private static bool DetectSubIfds(TiffPage key, List<TiffPage> seriesPages, List<SeriesCandidate> found)
    {
        var slots = key.SubIfdOffsets.Count;
        for (var slot = 0; slot < slots; slot++)
        {
            if (key.SubIfdOffsets[slot] < 8)
            {
                continue;
            }

            var subPages = new List<TiffPage>(seriesPages.Count);
            foreach (var page in seriesPages)
            {
                if (page.SubIfdOffsets.Count < slots || SubPage(page, slot) is not { } subPage)
                {
                    return false;
                }

                subPages.Add(subPage);
            }

            if (!Detect(subPages, isSubIfdList: true, found))
            {
                return false;
            }
        }

        return true;
    }

    private static TiffPage? SubPage(TiffPage page, int slot)
    {
        foreach (var subPage in page.SubPages)
        {
            if (subPage.SubIfdIndex == slot)
            {
                return subPage;
            }
        }

        return null;
    }

    // tifffile's append: the pages' axes (Q before them for several pages, or for planes the first page's contiguous
    // data holds beyond it), reshaped to the stated shape; kept as they are where the sizes do not match.
    private static SeriesCandidate Candidate(List<TiffPage> pages, string? statedAxes, long[] reshape, string name)
    {
        var page = pages[0];
        string axes;
        long[] shape;
        if (statedAxes is not null)
        {
            (axes, shape) = (statedAxes, reshape);
        }
        else
        {
            axes = pages.Count > 1 ? "Q" + page.Axes : page.Axes;
            shape = pages.Count > 1 ? [pages.Count, .. page.Shape] : [.. page.Shape];
        }

        var size = Product(shape);
        var resize = Product(reshape);
        if (page.IsContiguous && resize > size && size > 0 && resize % size == 0)
        {
            axes = "Q" + axes;
            shape = [resize / size, .. shape];
        }

        if (ReshapeAxes(axes, shape, reshape) is { } reshaped)
        {
            (axes, shape) = (reshaped, reshape);
        }

        return new SeriesCandidate(pages, axes, shape, name);
    }

    /// <summary>tifffile's <c>reshape_axes</c>: the axes of <paramref name="shape"/> carried over to <paramref name="newShape"/>; null where the sizes differ.</summary>
    internal static string? ReshapeAxes(string axes, long[] shape, long[] newShape)
    {
        if (axes.Length != shape.Length || Product(shape) != Product(newShape))
        {
            return null;
        }

        if (axes.Length == 0 || newShape.Length == 0)
        {
            return string.Empty;
        }

        var lengthDifference = Math.Max(0, shape.Length - newShape.Length);
        var padded = new long[newShape.Length + lengthDifference];
        newShape.CopyTo(padded, 0);
        padded.AsSpan(newShape.Length).Fill(1);
        var i = shape.Length - 1;
        long newProduct = 1;
        long product = 1;
        var result = new char[padded.Length];
        for (var k = padded.Length - 1; k >= 0; k--)
        {
            var size = padded[k];
            newProduct *= size;
            while (i > 0 && shape[i] == 1 && size != 1)
            {
                i--;
            }

            // Python's shape[-1] once every axis is used: the last.
            var at = i < 0 ? shape.Length + i : i;
            if (at >= 0 && size == shape[at] && newProduct == product * shape[at])
            {
                product *= shape[at];
                result[k] = axes[at];
                i--;
            }
            else
            {
                result[k] = 'Q';
            }
        }

        return new string(result, 0, newShape.Length);
    }

    private static long Product(IReadOnlyList<long> shape)
    {
        long product = 1;
        foreach (var size in shape)
        {
            product = size > 0 && product > long.MaxValue / size ? long.MaxValue : product * size;
        }

        return product;
    }
}
