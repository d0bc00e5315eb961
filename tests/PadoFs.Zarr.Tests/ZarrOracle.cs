using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>zarr-python, openslide-python, tifffile and jsonschema, asked about a zarr tree on disk.</summary>
internal static class ZarrOracle
{
    /// <summary>
    /// Per level: the array's shape, the reference's shape and how many samples differ, each level opened as
    /// <paramref name="open"/> says (see the oracle: "group", "fsstore", "plain", "xarray", "xarray-unmasked").
    /// </summary>
    public static Dictionary<int, LevelComparison> CompareWithReference(string group, string slide, ZarrLayout layout, string open = "group")
    {
        using var json = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", $"--open={open}", group, slide, ZarrLayoutNames.Name(layout)));
        return json.RootElement.GetProperty("levels").EnumerateObject().ToDictionary(
            level => int.Parse(level.Name, System.Globalization.CultureInfo.InvariantCulture),
            level => new LevelComparison(
                [.. level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())],
                [.. level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64())],
                level.Value.TryGetProperty("differing_samples", out var differing) ? differing.GetInt64() : -1,
                level.Value.GetProperty("dtype").GetString()!,
                level.Value.GetProperty("reference_dtype").GetString()!));
    }

    /// <summary>tifffile's <c>.zarray</c> text for every level of the slide's first series, or of series <paramref name="series"/>.</summary>
    public static List<string> TifffileZarrays(string slide, int series = 0)
    {
        using var json = JsonDocument.Parse(Python.RunOracle("tifffile_zarray.py", slide, series.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [.. json.RootElement.EnumerateArray().Select(level => level.GetProperty("zarray_text").GetString()!)];
    }

    /// <summary>tifffile's axis names (<c>_ARRAY_DIMENSIONS</c> of its store) for every level of the slide's first series.</summary>
    public static List<string[]> TifffileDimensions(string slide)
    {
        using var json = JsonDocument.Parse(Python.RunOracle("tifffile_zarray.py", slide));
        return [.. json.RootElement.EnumerateArray().Select(level => level.GetProperty("zattrs").GetProperty("_ARRAY_DIMENSIONS").EnumerateArray().Select(d => d.GetString()!).ToArray())];
    }

    /// <summary>The schema errors of a <c>.zattrs</c> against OME-NGFF 0.4's image and strict image schemas.</summary>
    public static (List<string> Image, List<string> StrictImage) ValidateNgff(string zattrs)
    {
        var schemas = Path.Combine(Path.GetDirectoryName(SharedSlides.Directory)!, "ngff-schemas");
        using var json = JsonDocument.Parse(Python.RunOracle("ngff_validate.py", schemas, zattrs));
        return (
            [.. json.RootElement.GetProperty("image").EnumerateArray().Select(e => e.GetString()!)],
            [.. json.RootElement.GetProperty("strict_image").EnumerateArray().Select(e => e.GetString()!)]);
    }

    /// <summary>What zarr.open_consolidated finds in a tree, and how its consolidated metadata compares with the documents.</summary>
    public static ConsolidatedComparison CompareConsolidated(string group)
    {
        using var json = JsonDocument.Parse(Python.RunOracle("zarr_consolidated.py", group));
        var root = json.RootElement;
        return new ConsolidatedComparison(
            root.GetProperty("format").GetInt32(),
            root.GetProperty("documents").GetInt32(),
            [.. root.GetProperty("missing").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("different").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("arrays").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("level0_equal").GetBoolean());
    }

    public sealed record ConsolidatedComparison(int Format, int Documents, List<string> Missing, List<string> Different, List<string> Arrays, bool Level0Equal);

    public sealed record LevelComparison(long[] Shape, long[] ReferenceShape, long DifferingSamples, string DType, string ReferenceDType);
}
