using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>padofs inspect, record and export as users run them, checked against openslide-python and tifffile.</summary>
[Trait("Category", "Oracles")]
public sealed class CommandLineTests
{
    public static TheoryData<string> ReadableSlides => [.. SharedSlides.OpenSlideVendorSlides];

    public static TheoryData<string> TiffSlides => ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif", "unreadable.svs"];

    public static TheoryData<string> BadInputs => ["broken.svs", "unopenable.tiff", "unreadable.svs", "/nonexistent/slide.svs", "a directory", "an empty file"];

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Inspect_json_agrees_with_openslide(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path, "--json");
        Assert.True(exitCode == 0, stderr);
        using var ours = JsonDocument.Parse(stdout);
        using var oracle = JsonDocument.Parse(Python.RunOracle("openslide_region.py", "info", path));
        var root = ours.RootElement;

        Assert.Equal(path, root.GetProperty("urlpath").GetString());
        Assert.Equal("openslide", root.GetProperty("backend").GetString());
        var properties = oracle.RootElement.GetProperty("properties");
        Assert.Equal(properties.GetProperty("openslide.vendor").GetString(), root.GetProperty("vendor").GetString());
        AssertMpp(properties, "openslide.mpp-x", root.GetProperty("mpp_x"));
        AssertMpp(properties, "openslide.mpp-y", root.GetProperty("mpp_y"));
        Assert.Equal(
            properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()),
            root.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
        Assert.Equal(
            oracle.RootElement.GetProperty("associated").EnumerateObject().Select(a => a.Name).Order(),
            root.GetProperty("associated_images").EnumerateArray().Select(a => a.GetString()).Order());
        var levels = root.GetProperty("levels").EnumerateArray().ToList();
        var expected = oracle.RootElement.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(expected.Count, levels.Count);
        for (var i = 0; i < levels.Count; i++)
        {
            Assert.Equal(i, levels[i].GetProperty("level").GetInt32());
            Assert.Equal(expected[i].GetProperty("width").GetInt64(), levels[i].GetProperty("width").GetInt64());
            Assert.Equal(expected[i].GetProperty("height").GetInt64(), levels[i].GetProperty("height").GetInt64());
            Assert.Equal(expected[i].GetProperty("downsample").GetDouble(), levels[i].GetProperty("downsample").GetDouble());
            foreach (var field in new[] { "tile_width", "tile_height", "chunk_rows", "chunk_cols", "stored_bytes" })
            {
                Assert.True(levels[i].TryGetProperty(field, out _), field);
            }
        }
    }

    [Theory]
    [InlineData("4D-series.ome.tiff")]
    [InlineData("qupath-cells-2c.ome.tif")]
    [InlineData("qupath-cells.ome.tif")]
    [InlineData("smalltif.tif")]
    [InlineData("test_orient3.tif")]
    public void Inspect_json_gives_every_levels_axes_and_shape_as_tifffile(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path, "--json");
        Assert.True(exitCode == 0, stderr);
        using var ours = JsonDocument.Parse(stdout);
        using var oracle = JsonDocument.Parse(Python.RunOracle("tifffile_zarray.py", path));
        var levels = ours.RootElement.GetProperty("levels").EnumerateArray().ToList();
        var expected = oracle.RootElement.EnumerateArray().ToList();

        Assert.Equal(expected.Count, levels.Count);
        for (var i = 0; i < levels.Count; i++)
        {
            var axes = string.Concat(expected[i].GetProperty("zattrs").GetProperty("_ARRAY_DIMENSIONS").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(axes, levels[i].GetProperty("axes").GetString());
            Assert.Equal(
                expected[i].GetProperty("zarray").GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()),
                levels[i].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        }
    }

    [Fact]
    public void Inspect_text_shows_each_levels_axes_and_shape()
    {
        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", SharedSlides.PathOf("4D-series.ome.tiff"));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("  TZYX  (7, 5, 167, 439)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_lists_every_series_with_its_folder_axes_and_shapes_as_tifffile_sees_them()
    {
        var path = SharedSlides.PathOf("smalltif.tif");
        using var structure = JsonDocument.Parse(Python.RunOracle("tiff_structure.py", path));
        var tifffile = structure.RootElement.GetProperty("series").EnumerateArray().ToList();

        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path, "--json");
        var (textExit, text, _) = PadofsCommand.Run("inspect", path);

        Assert.True(exitCode == 0 && textExit == 0, stderr);
        using var ours = JsonDocument.Parse(stdout);
        var series = ours.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(tifffile.Count, series.Count);
        for (var index = 0; index < series.Count; index++)
        {
            Assert.Equal(index, series[index].GetProperty("series").GetInt32());
            Assert.Equal(index == 0 ? string.Empty : $"series/{index}", series[index].GetProperty("folder").GetString());
            var levels = series[index].GetProperty("levels").EnumerateArray().ToList();
            Assert.Equal(tifffile[index].GetProperty("axes").GetString(), levels[0].GetProperty("axes").GetString());
            Assert.Equal(tifffile[index].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), levels[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        }

        Assert.Contains("  series 1 in series/1/, 3 x |u1:", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void Chunk_sizes_of_every_level_equal_tifffiles_byte_counts(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var structure = JsonDocument.Parse(Python.RunOracle("tiff_structure.py", path));
        var levels = structure.RootElement.GetProperty("series")[0].GetProperty("levels").EnumerateArray().ToList();

        for (var level = 0; level < levels.Count; level++)
        {
            var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path, "--chunk-sizes", level.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(exitCode == 0, stderr);
            using var ours = JsonDocument.Parse(stdout);
            Assert.Equal(levels[level].GetProperty("chunk_byte_counts").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal), ours.RootElement.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Inspect_of_bad_input_prints_the_reason_without_a_stack_trace_and_fails(string slide)
    {
        using var folder = new TemporaryDirectory();
        var path = slide switch
        {
            "a directory" => folder.Path,
            "an empty file" => folder.File("empty.svs"),
            _ when slide.StartsWith('/') => slide,
            _ => SharedSlides.PathOf(slide),
        };
        if (slide == "an empty file")
        {
            File.WriteAllBytes(path, []);
        }

        foreach (var json in new[] { false, true })
        {
            var (exitCode, stdout, stderr) = json ? PadofsCommand.Run("inspect", path, "--json") : PadofsCommand.Run("inspect", path);

            Assert.NotEqual(0, exitCode);
            Assert.Empty(stdout);
            var action = slide == "unreadable.svs" ? "read" : "open";
            Assert.StartsWith($"padofs: Cannot {action} slide '{path}': ", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.Trim().Split('\n'));
        }
    }

    [Fact]
    public void Inspect_text_shows_levels_mpp_and_associated_images()
    {
        var (exitCode, stdout, _) = PadofsCommand.Run("inspect", SharedSlides.PathOf("cmu-1-small-region.svs"));

        Assert.Equal(0, exitCode);
        Assert.Contains("aperio", stdout, StringComparison.Ordinal);
        Assert.Contains("0.499", stdout, StringComparison.Ordinal);
        Assert.Contains("label, macro, thumbnail", stdout, StringComparison.Ordinal);
        Assert.Contains("  240x240", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_prints_pado_records_ready_for_a_mount_config()
    {
        var paths = new[] { SharedSlides.PathOf("small.svs"), SharedSlides.PathOf("tcga-cr-7395.svs") };

        var (exitCode, stdout, stderr) = PadofsCommand.Run(["record", .. paths, "--checksum"]);

        Assert.True(exitCode == 0, stderr);
        using var records = JsonDocument.Parse(stdout);
        Assert.Equal(2, records.RootElement.GetArrayLength());
        var tcga = records.RootElement[1];
        Assert.Equal(paths[1], tcga.GetProperty("urlpath").GetString());
        Assert.Equal(JsonValueKind.Null, tcga.GetProperty("mpp_x").ValueKind);
        Assert.StartsWith("md5:3901814:", tcga.GetProperty("md5_computed").GetString(), StringComparison.Ordinal);
        Assert.Equal(23, tcga.EnumerateObject().Count());
    }

    [Fact]
    public void Export_writes_a_zarr_tree_zarr_python_reads_and_shows_progress()
    {
        using var folder = new TemporaryDirectory();
        var target = folder.File("boxes.zarr");

        var (exitCode, _, stderr) = PadofsCommand.Run("export", SharedSlides.PathOf("boxes.tiff"), target, "--layout", "ome-ngff");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("100%", stderr, StringComparison.Ordinal);
        Assert.Contains("\"differing_samples\": 0", Python.RunOracle("zarr_vs_reference.py", target, SharedSlides.PathOf("boxes.tiff"), "ome-ngff"), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateDirectories(folder.Path), name => name.Contains(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_of_a_slide_that_fails_mid_read_leaves_nothing_behind()
    {
        using var folder = new TemporaryDirectory();

        var (exitCode, _, stderr) = PadofsCommand.Run("export", SharedSlides.PathOf("unreadable.svs"), folder.File("out.zarr"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unreadable.svs", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    public static TheoryData<string, byte[], string> BrokenConfigs => new()
    {
        { "latin1.json", [.. "{ \"images\": [{ \"urlpath\": \"caf"u8, 0xE9, .. ".svs\" }] }"u8], "not UTF-8 text at line 1, column 31 (byte 0xE9): save the config as UTF-8" },
        { "twice.json", "{ \"images\": [],\n  \"images\": [] }"u8.ToArray(), "'images' is given twice (the second at line 2, column 3): keep one" },
        { "comma.json", "{ \"mountPoint\": \"mnt\"\n  \"images\": [] }"u8.ToArray(), "not valid JSON at line 2, column 3: " },
        { "records.json", """[{ "urlpath": "slide.svs" }]"""u8.ToArray(), "a JSON list (as padofs record prints), not a config: wrap it as {\"mountPoint\": \"DIR\", \"images\": [" },
    };

    [Fact]
    public void Mount_of_a_slide_says_how_to_make_a_config_for_it_and_exits_2()
    {
        var slide = SharedSlides.PathOf("small.svs");

        var (exitCode, stdout, stderr) = PadofsCommand.Run("mount", slide);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"padofs: Config '{slide}': a slide (TIFF), not a mount config.", stderr, StringComparison.Ordinal);
        Assert.Contains($"$(padofs record {slide})", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [MemberData(nameof(BrokenConfigs))]
    public void Mount_of_a_broken_config_prints_one_line_without_a_stack_trace_and_exits_2(string name, byte[] content, string problem)
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File(name);
        File.WriteAllBytes(config, content);

        var (exitCode, _, stderr) = PadofsCommand.Run("mount", config, "--mountpoint", folder.Path);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"padofs: Config '{config}': {problem}", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Mount_refuses_padofs_environment_variables_that_set_nothing_and_exits_2()
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File("padofs.json");
        File.WriteAllText(config, """{ "images": [] }""");

        var (exitCode, _, stderr) = PadofsCommand.RunWith(new Dictionary<string, string> { ["PADOFS__MOUNTPIONT"] = folder.Path }, "mount", config);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"padofs: Config '{config}' has 2 problems:", stderr, StringComparison.Ordinal);
        Assert.Contains("  - unknown environment variable 'PADOFS__MOUNTPIONT' (known: PADOFS__MOUNTPOINT, ", stderr, StringComparison.Ordinal);
        Assert.Contains("  - 'mountPoint' is missing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_in_mount_help_is_one_mount_accepts()
    {
        using var folder = new TemporaryDirectory();
        var (exitCode, help, _) = PadofsCommand.Run("mount", "--help");
        var lines = help.Split('\n');
        var start = Array.IndexOf(lines, "  {");
        var end = Array.IndexOf(lines, "  }", start);
        var config = folder.File("from-help.json");
        File.WriteAllLines(config, lines[start..(end + 1)]);

        var (mountExitCode, _, stderr) = PadofsCommand.Run("mount", config, "--mountpoint", folder.File("absent"));

        Assert.Equal(0, exitCode);
        Assert.True(start > 0 && end > start, help);
        foreach (var section in new[] { "Layouts:", "  ome-ngff ", "PADOFS__CACHE__MAXBYTES", "Example:", "Exit status:" })
        {
            Assert.Contains(section, help, StringComparison.Ordinal);
        }

        // Past the config, the mount fails on the folder that does not exist: the example itself has no problem.
        Assert.Equal(1, mountExitCode);
        Assert.Contains("images[0]: '/data/slide.svs' does not exist", stderr, StringComparison.Ordinal);
        Assert.EndsWith($"padofs: The mount point {folder.File("absent")} does not exist: create the folder first.", stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("record")]
    [InlineData("export")]
    [InlineData("mount")]
    public void Every_command_help_has_examples_and_the_exit_status(string command)
    {
        var (exitCode, help, _) = PadofsCommand.Run(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains($"padofs {command} ", help[help.IndexOf("Exampl", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Exit status: 0", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_takes_every_layout_name_a_config_takes_and_refuses_others_alike()
    {
        using var folder = new TemporaryDirectory();

        var (exitCode, _, stderr) = PadofsCommand.Run("export", SharedSlides.PathOf("small.svs"), folder.File("small.zarr"), "--layout", "ngff");
        var (refusedExitCode, _, refused) = PadofsCommand.Run("export", SharedSlides.PathOf("small.svs"), folder.File("other.zarr"), "--layout", "tiles");

        Assert.True(exitCode == 0, stderr);
        Assert.True(File.Exists(Path.Combine(folder.File("small.zarr"), "0", ".zarray")));
        Assert.NotEqual(0, refusedExitCode);
        Assert.Contains("Unknown layout 'tiles': use 'pado' or 'ome-ngff' (also accepted for ome-ngff: ngff, omengff).", refused, StringComparison.Ordinal);
    }

    private static void AssertMpp(JsonElement properties, string key, JsonElement value)
    {
        if (properties.TryGetProperty(key, out var expected))
        {
            Assert.Equal(double.Parse(expected.GetString()!, System.Globalization.CultureInfo.InvariantCulture), value.GetDouble());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, value.ValueKind);
        }
    }
}
