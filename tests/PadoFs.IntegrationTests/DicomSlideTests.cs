using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// DICOM whole-slide images (written by pydicom from the shared SVS slides, and the real boxes fixture), opened by a
/// file or by their folder, through <c>padofs inspect</c> and through a mount in both layouts, checked against pydicom
/// (and Pillow) and zarr-python.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class DicomSlideTests(DicomSlides dicom) : IClassFixture<DicomSlides>
{
    private static readonly string[] s_good = ["cmu", "tcga", "sparse", "concat", "boxes", "cmu-folder", "concat-folder", "boxes-folder"];
    private static readonly string[] s_broken = ["truncated", "bad-offset", "unsupported-syntax", "focal-planes", "huge-length", "two-series", "bad-member", "no-dicom"];

    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    public static TheoryData<string> Good => [.. s_good];

    public static TheoryData<string> Broken => [.. s_broken];

    [Theory]
    [MemberData(nameof(Good))]
    public void Given_a_DICOM_slide_when_inspected_then_levels_mpp_and_associated_images_are_pydicoms(string slide)
    {
        var path = dicom.Slides[slide];
        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path, "--json");
        Assert.True(exitCode == 0, stderr);
        using var ours = JsonDocument.Parse(stdout);
        using var oracle = JsonDocument.Parse(Python.RunOracle("dicom_info.py", path));
        var root = ours.RootElement;
        var expected = oracle.RootElement;

        Assert.Equal("dicom", root.GetProperty("backend").GetString());
        Assert.Equal("dicom", root.GetProperty("vendor").GetString());
        Assert.Equal(
            expected.GetProperty("levels").EnumerateArray().Select(l => $"{l.GetProperty("width")}x{l.GetProperty("height")} tiles {l.GetProperty("tile_width")}x{l.GetProperty("tile_height")}"),
            root.GetProperty("levels").EnumerateArray().Select(l => $"{l.GetProperty("width")}x{l.GetProperty("height")} tiles {l.GetProperty("tile_width")}x{l.GetProperty("tile_height")}"));
        Assert.Equal(expected.GetProperty("associated").EnumerateArray().Select(a => a.GetString()), root.GetProperty("associated_images").EnumerateArray().Select(a => a.GetString()));
        foreach (var axis in new[] { "mpp_x", "mpp_y" })
        {
            if (expected.GetProperty(axis).ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty(axis).ValueKind);
            }
            else
            {
                Assert.Equal(expected.GetProperty(axis).GetDouble(), root.GetProperty(axis).GetDouble(), 9);
            }
        }
    }

    [Fact]
    public void Given_a_property_with_line_breaks_when_inspected_as_text_then_each_property_is_one_line()
    {
        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", dicom.Slides["boxes"]);
        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n');
        var comment = Assert.Single(lines, line => line.StartsWith("    dicom.ImageComments = ", StringComparison.Ordinal));
        Assert.Contains("\\n", comment, StringComparison.Ordinal);
        var start = Array.IndexOf(lines, lines.First(line => line.StartsWith("  properties (", StringComparison.Ordinal)));
        Assert.All(lines[(start + 1)..].Where(line => line.Length > 0), line => Assert.Matches(@"^    [^ =]+ = ", line));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Given_a_broken_DICOM_file_when_inspected_then_one_line_names_the_file_and_the_reason(string broken)
    {
        var (path, reason) = dicom.Broken[broken];

        var (exitCode, stdout, stderr) = PadofsCommand.Run("inspect", path);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Given_DICOM_slides_mounted_when_zarr_python_reads_every_level_then_it_equals_pydicoms_frames_and_broken_ones_fail_alone(string layout)
    {
        var images = s_good.Select(slide => (object)new { image_id = new[] { slide }, urlpath = dicom.Slides[slide] })
            .Concat(s_broken.Select(broken => (object)new { image_id = new[] { broken }, urlpath = dicom.Broken[broken].Path }));
        using var daemon = MountedDaemon.Start(images, layout);

        foreach (var broken in s_broken)
        {
            Assert.Throws<IOException>(() => Directory.GetFileSystemEntries(daemon.PathOf(broken + ".zarr")));
        }

        foreach (var slide in s_good)
        {
            using var result = JsonDocument.Parse(Python.RunOracle("dicom_levels.py", dicom.Slides[slide], $"--zarr={daemon.PathOf(slide + ".zarr")},{layout}"));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.Equal(result.RootElement.GetProperty("reference_levels").GetInt32(), levels.Count);
            foreach (var level in levels)
            {
                Assert.Equal(level.Value.GetProperty("reference_shape").ToString(), level.Value.GetProperty("shape").ToString());
                Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{slide} level {level.Name} differs ({layout})\n{daemon.Log}");
            }

            var associated = result.RootElement.GetProperty("associated").EnumerateObject().ToList();
            Assert.Equal(
                result.RootElement.GetProperty("reference_associated").EnumerateArray().Select(name => name.GetString()),
                associated.Select(image => image.Name).Order(StringComparer.Ordinal));
            foreach (var image in associated)
            {
                Assert.Equal(image.Value.GetProperty("reference_shape").ToString(), image.Value.GetProperty("shape").ToString());
                Assert.True(image.Value.GetProperty("differing_samples").GetInt64() == 0, $"{slide} associated image {image.Name} differs ({layout})");
            }
        }

        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        var failed = errors.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("folder").GetString()!, e => e.GetProperty("error").GetString()!);
        Assert.Equal(s_broken.Select(broken => broken + ".zarr").Order(), failed.Keys.Order());
        foreach (var broken in s_broken)
        {
            Assert.Contains(dicom.Broken[broken].Reason, failed[broken + ".zarr"], StringComparison.Ordinal);
        }

        Assert.False(daemon.Process.HasExited);
    }
}
