using System.Text.Json;

namespace PadoFs.Testing;

/// <summary>
/// Independent readers asked about a zarr tree on disk or mounted: zarrita (node) reading every level, checked
/// against openslide-python or tifffile; jsonschema with the OME-NGFF 0.5 schemas; the v3 consolidated metadata
/// compared with each node's zarr.json.
/// </summary>
public static class ZarrTreeOracles
{
    /// <summary>
    /// Per level named in the group's multiscales, what zarrita read compared with the reference reader, and what
    /// the consolidated metadata lists when <paramref name="consolidated"/> (zarrita then opens the tree through it).
    /// With <paramref name="series"/> above 0, <paramref name="group"/> is that series' group and tifffile's series of that number the reference.
    /// </summary>
    public static ZarritaReading ZarritaVsReference(string group, string slide, string layout, bool consolidated = false, int series = 0)
    {
        using var scratch = new TemporaryDirectory();
        var arguments = new List<string> { group, scratch.Path };
        if (consolidated)
        {
            arguments.Add("--consolidated");
        }

        var read = Node.RunOracle("zarrita_levels.mjs", [.. arguments]);
        var readings = scratch.File("levels.json");
        File.WriteAllText(readings, read);
        using var comparison = JsonDocument.Parse(Python.RunOracle("raw_vs_reference.py", readings, slide, layout, series.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var zarrita = JsonDocument.Parse(read);
        var contents = zarrita.RootElement.GetProperty("contents");
        return new ZarritaReading(
            comparison.RootElement.GetProperty("reference_levels").GetInt32(),
            comparison.RootElement.GetProperty("levels").EnumerateObject().ToDictionary(level => level.Name, level => level.Value.ToString()),
            comparison.RootElement.GetProperty("levels").EnumerateObject().ToDictionary(
                level => level.Name,
                level => level.Value.TryGetProperty("differing_samples", out var differing) && level.Value.GetProperty("dtype").GetString() == level.Value.GetProperty("reference_dtype").GetString()
                    ? differing.GetInt64()
                    : -1),
            contents.ValueKind == JsonValueKind.Null ? null : [.. contents.EnumerateArray().Select(node => node.GetString()!)]);
    }

    /// <summary>Every zarr.json of a v3 tree checked: zarr v3 nodes, NGFF 0.5 images valid against the schemas, axes named alike.</summary>
    public static NgffTreeCheck ValidateNgff05Tree(string root)
    {
        var schemas = Path.Combine(Path.GetDirectoryName(SharedSlides.Directory)!, "ngff-schemas");
        using var json = JsonDocument.Parse(Python.RunOracle("ngff05_tree.py", schemas, root));
        return new NgffTreeCheck(
            json.RootElement.GetProperty("documents").GetInt32(),
            json.RootElement.GetProperty("images").GetInt32(),
            [.. json.RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetString()!)]);
    }

    /// <summary>
    /// How many images a slide's tree holds beside the slide itself: its associated images and its other series, each
    /// an NGFF image of its own in the OME-NGFF layout.
    /// </summary>
    public static int ImageGroupsBesideTheSlide(string root) =>
        new[] { "associated", "series" }
            .Select(folder => Path.Combine(root, folder))
            .Sum(folder => System.IO.Directory.Exists(folder) ? System.IO.Directory.GetDirectories(folder).Length : 0);

    /// <summary>The v3 root's consolidated metadata compared with every other node's zarr.json.</summary>
    public static ConsolidatedV3Check CompareV3Consolidated(string root)
    {
        using var json = JsonDocument.Parse(Python.RunOracle("zarr_v3_consolidated.py", root));
        var result = json.RootElement;
        List<string> Names(string property) => [.. result.GetProperty(property).EnumerateArray().Select(node => node.GetString()!)];
        return new ConsolidatedV3Check(
            result.GetProperty("kind").GetString(),
            result.GetProperty("must_understand").ValueKind == JsonValueKind.True,
            result.GetProperty("nodes").GetInt32(),
            Names("missing"),
            Names("not_on_disk"),
            Names("different"));
    }

    /// <param name="Levels">per level, the comparison as the oracle printed it (for messages).</param>
    /// <param name="DifferingSamples">per level, how many samples differ from the reference; -1 for another shape or type.</param>
    /// <param name="Contents">the nodes of the consolidated metadata, "kind /path", or null when it was not asked for.</param>
    public sealed record ZarritaReading(int ReferenceLevels, Dictionary<string, string> Levels, Dictionary<string, long> DifferingSamples, List<string>? Contents);

    public sealed record NgffTreeCheck(int Documents, int Images, List<string> Errors);

    public sealed record ConsolidatedV3Check(string? Kind, bool MustUnderstand, int Nodes, List<string> Missing, List<string> NotOnDisk, List<string> Different);
}
