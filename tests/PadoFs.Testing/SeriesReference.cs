using System.Globalization;
using System.Text.Json;

namespace PadoFs.Testing;

/// <summary>
/// A slide's other series (tifffile's <c>series[1:]</c>) as tifffile sees them, and how the <c>series/N/</c> groups of
/// a slide's tree compare with them through the zarr_vs_reference oracle.
/// </summary>
public static class SeriesReference
{
    // tifffile's kinds of the vendor formats OpenSlide reads: those slides stay OpenSlide's, their other series its
    // associated images (or, as NDPI's map, not served).
    private static readonly string[] s_openSlideKinds = ["svs", "ndpi", "scn", "philips"];
    private static readonly string[] s_associatedNames = ["Thumbnail", "Label", "Macro"];

    // tifffile reads their structure, but PadoFs refuses them (shared/slides/README.md); they fail alone, tested elsewhere.
    private static readonly string[] s_refusedSlides = ["unopenable.tiff", "unreadable.svs"];

    /// <summary>Every shared slide that tifffile reads and PadoFs opens, by name.</summary>
    public static IReadOnlyList<string> SharedSlidesTifffileReads() =>
        [.. System.IO.Directory.EnumerateFiles(SharedSlides.Directory).Where(path => Structure(path) is not null).Select(path => Path.GetFileName(path)).Except(s_refusedSlides).Order(StringComparer.Ordinal)];

    /// <summary>The numbers of the series groups a slide's tree at <paramref name="root"/> holds under <c>series/</c>.</summary>
    public static int[] SeriesFolders(string root)
    {
        var series = Path.Combine(root, "series");
        return System.IO.Directory.Exists(series)
            ? [.. System.IO.Directory.GetDirectories(series).Select(folder => int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture)).Order()]
            : [];
    }

    /// <summary>
    /// The numbers of the series a tree serves under <c>series/</c> for <paramref name="path"/>: tifffile's series after
    /// the first, but none for OpenSlide's vendor formats and none that tifffile names as an associated image.
    /// </summary>
    public static IReadOnlyList<int> ServedOtherSeries(string path)
    {
        using var structure = Structure(path);
        if (structure is null)
        {
            return [];
        }

        var series = structure.RootElement.GetProperty("series").EnumerateArray().ToList();
        if (series.Count == 0 || s_openSlideKinds.Contains(series[0].GetProperty("kind").GetString()))
        {
            return [];
        }

        return [.. Enumerable.Range(1, series.Count - 1).Where(index => !s_associatedNames.Contains(series[index].GetProperty("name").GetString()))];
    }

    /// <summary>
    /// What differs between <c>GROUP/series/N</c> (N = <paramref name="series"/>) and tifffile's series N, level by level:
    /// shape, dtype, axis names (<c>_ARRAY_DIMENSIONS</c>) or pixels; empty when every level equals tifffile's.
    /// </summary>
    public static IReadOnlyList<string> Mismatches(string group, string slide, string layout, int series)
    {
        using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", string.Create(CultureInfo.InvariantCulture, $"--series={series}"), group, slide, layout));
        var problems = new List<string>();
        var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
        var served = result.RootElement.GetProperty("group_levels").GetArrayLength();
        if (levels.Count == 0 || served != levels.Count)
        {
            problems.Add($"series {series}: {served} levels served, tifffile has {levels.Count}");
        }

        foreach (var level in levels)
        {
            var value = level.Value;
            foreach (var (ours, theirs) in new[] { ("shape", "reference_shape"), ("dtype", "reference_dtype"), ("dimensions", "reference_dimensions") })
            {
                if (value.GetProperty(ours).ToString() != value.GetProperty(theirs).ToString())
                {
                    problems.Add($"series {series} level {level.Name}: {ours} {value.GetProperty(ours)}, tifffile {value.GetProperty(theirs)}");
                }
            }

            if (!value.TryGetProperty("differing_samples", out var differing) || differing.GetInt64() != 0)
            {
                problems.Add($"series {series} level {level.Name}: pixels differ: {value}");
            }
        }

        return problems;
    }

    private static JsonDocument? Structure(string path)
    {
        var document = JsonDocument.Parse(Python.RunOracle("tiff_structure.py", path));
        if (document.RootElement.TryGetProperty("error", out _))
        {
            document.Dispose();
            return null;
        }

        return document;
    }
}
