using PadoFs.Mount.Configuration;
using PadoFs.Testing;
using PadoFs.Zarr;

namespace PadoFs.Mount.Tests.Configuration;

[Trait("Category", "Fast")]
public class MountConfigLoaderTests
{
    [Fact]
    public void A_config_places_every_image_under_its_image_id_and_resolves_relative_paths()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """
            {
              "mountPoint": "mnt",
              "layout": "ome-ngff",
              "cache": { "maxBytes": "2GiB" },
              "images": [
                { "image_id": ["site-a", "case-17", "slide.svs"], "urlpath": "data/slide.svs", "mpp_x": 0.25, "mpp_y": 0.25 },
                { "urlpath": "/data/other.tiff" }
              ]
            }
            """);

        var loaded = MountConfigLoader.Load(config);

        Assert.Equal(Path.Combine(folder.Path, "mnt"), loaded.MountPoint);
        Assert.Equal(ZarrLayout.OmeNgff, loaded.Layout);
        Assert.Equal(2L << 30, loaded.CacheBudgetBytes);
        Assert.Equal(["site-a", "case-17", "slide.svs.zarr"], loaded.Images[0].FolderParts);
        Assert.Equal(Path.Combine(folder.Path, "data", "slide.svs"), loaded.Images[0].Record.Urlpath);
        Assert.Equal(0.25, loaded.Images[0].Record.MppX);
        Assert.Equal(["other.tiff.zarr"], loaded.Images[1].FolderParts);
    }

    [Fact]
    public void Settings_given_as_overrides_win_over_the_file()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "mountPoint": "/mnt/a", "cache": { "maxBytes": "1GiB" }, "images": [] }""");

        var loaded = MountConfigLoader.Load(config, overrides: new Dictionary<string, string?> { ["cache:maxBytes"] = "512MiB", ["layout"] = "ome-ngff" });

        Assert.Equal(512L << 20, loaded.CacheBudgetBytes);
        Assert.Equal(ZarrLayout.OmeNgff, loaded.Layout);
        Assert.Equal("/mnt/a", loaded.MountPoint);
    }

    [Fact]
    public void Every_problem_of_a_broken_config_is_listed_at_once()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """
            {
              "layout": "tiles",
              "cache": { "maxBytes": "lots" },
              "images": [
                { "image_id": ["a", "..", "x"], "urlpath": "x.svs" },
                { "image_id": ["a/b"], "urlpath": "y.svs" },
                { "urlpath": "one/slide.svs" },
                { "urlpath": "two/slide.svs" },
                { "image_id": ["slide.svs.zarr", "inner"], "urlpath": "z.svs" },
                { "urlpath": "w.svs", "width": "wide" },
                { "mpp_x": 0.5 }
              ]
            }
            """);

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(config));

        Assert.Contains(error.Problems, p => p.Contains("'mountPoint' is missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Unknown layout 'tiles'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'cache.maxBytes' is 'lots'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[0]: image_id part '..' is not a folder name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[1]: image_id part 'a/b' contains a path separator", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[2] and images[3] both appear as 'slide.svs.zarr'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[4] would appear inside images[2]'s slide folder 'slide.svs.zarr'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[5]: 'width' must be an integer", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("images[6]: 'urlpath' is required", StringComparison.Ordinal));
        Assert.Equal(9, error.Problems.Count);
        Assert.Contains(config, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_or_misshapen_settings_are_problems_not_silent_defaults()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "mountPoint": "/mnt/a", "maxOpenSlide": 1, "cache": "2GiB", "images": [] }""");
        var nested = Write(folder, """{ "mountPoint": "/mnt/a", "cache": { "max_bytes": "2GiB" }, "images": [] }""");

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(config));
        var nestedError = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(nested));

        Assert.Contains(error.Problems, p => p.StartsWith("unknown setting 'maxOpenSlide'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("'cache' must be an object", StringComparison.Ordinal));
        Assert.Contains(nestedError.Problems, p => p.StartsWith("unknown setting 'cache.max_bytes'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mount_point_given_as_an_argument_is_relative_to_the_working_folder()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "images": [] }""");

        var loaded = MountConfigLoader.Load(config, mountPointOverride: "mnt");

        Assert.Equal(Path.GetFullPath("mnt"), loaded.MountPoint);
    }

    [Fact]
    public void Folder_names_longer_than_255_bytes_of_utf8_or_blank_are_refused()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, $$"""{ "mountPoint": "/mnt/a", "images": [ { "image_id": ["{{new string('é', 126)}}"], "urlpath": "a.svs" }, { "image_id": ["  "], "urlpath": "b.svs" } ] }""");

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(config));

        Assert.Contains(error.Problems, p => p.StartsWith("images[0]:", StringComparison.Ordinal) && p.Contains("255 bytes", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("images[1]: image_id part '  ' is blank", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_config_file_is_reported_by_name()
    {
        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load("/nonexistent/padofs.json"));

        Assert.Contains("/nonexistent/padofs.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_type_are_named_and_nothing_else_is_reported()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "mountPoint": "/mnt/a", "maxOpenSlides": "many", "allowOther": "yes", "idleSeconds": 1.5, "images": [] }""");
        var shaped = Write(folder, """{ "mountPoint": { "path": "/mnt/a" }, "layout": ["pado"], "images": [] }""");

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(config));
        var shapedError = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(shaped));

        Assert.Equal(
            [
                "'allowOther' is 'yes', not true or false",
                "'maxOpenSlides' is 'many', not a whole number up to 2147483647",
                "'idleSeconds' is '1.5', not a whole number up to 2147483647",
            ],
            error.Problems);
        Assert.Contains("'mountPoint' must be a single value, not an object or a list", shapedError.Problems);
        Assert.Contains("'layout' must be a single value, not an object or a list", shapedError.Problems);
    }

    [Fact]
    public void Environment_variables_that_override_no_setting_are_named()
    {
        var unknown = MountSettings.UnknownEnvironmentVariables(
            ["PADOFS__MOUNTPIONT", "PADOFS__LAYOUT", "padofs__cache__maxbytes", "PADOFS__CACHE", "PADOFS__IMAGES__0__URLPATH", "HOME", "DOTNET_ROOT"]);

        Assert.Equal(["PADOFS__CACHE", "PADOFS__IMAGES__0__URLPATH", "PADOFS__MOUNTPIONT"], unknown);
    }

    [Fact]
    public void Every_setting_but_images_has_its_environment_variable()
    {
        Assert.Equal(
            ["PADOFS__MOUNTPOINT", "PADOFS__LAYOUT", "PADOFS__ZARRFORMAT", "PADOFS__CACHE__MAXBYTES", "PADOFS__ALLOWOTHER", "PADOFS__MAXOPENSLIDES", "PADOFS__IDLESECONDS",
                "PADOFS__HTTP__LISTEN", "PADOFS__HTTP__ORIGINS", "PADOFS__HTTP__TOKEN"],
            MountSettings.Keys.Select(MountSettings.EnvironmentVariable));
        Assert.Empty(MountSettings.UnknownEnvironmentVariables(MountSettings.Keys.Select(MountSettings.EnvironmentVariable)));
    }

    [Theory]
    [InlineData("pado", AxisOrder.SamplesLast, MetadataConvention.Tifffile)]
    [InlineData("ome-ngff", AxisOrder.ChannelsFirst, MetadataConvention.OmeNgff)]
    [InlineData("ngff", AxisOrder.ChannelsFirst, MetadataConvention.OmeNgff)]
    [InlineData("OME-NGFF", AxisOrder.ChannelsFirst, MetadataConvention.OmeNgff)]
    public void Every_accepted_layout_name_reads_in_a_config(string name, AxisOrder axes, MetadataConvention convention)
    {
        var layout = new ZarrLayout(axes, convention);
        using var folder = new TemporaryDirectory();

        var loaded = MountConfigLoader.Load(Write(folder, $$"""{ "mountPoint": "/mnt/a", "layout": "{{name}}", "images": [] }"""));

        Assert.Equal(layout, loaded.Layout);
        Assert.Contains(name, ZarrLayoutNames.Accepted, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_empty_image_list_mounts_with_a_warning()
    {
        using var folder = new TemporaryDirectory();

        var loaded = MountConfigLoader.Load(Write(folder, """{ "mountPoint": "/mnt/a", "images": [] }"""));

        Assert.Equal(
            "'images' is empty: the mount shows no slides (add records, e.g. the output of padofs record SLIDE...)",
            Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void Missing_slide_files_and_folders_without_DICOM_files_mount_with_one_warning_each_naming_them()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllBytes(folder.File("present.svs"), [1]);
        Directory.CreateDirectory(folder.File("folder.svs"));
        // A folder holding a DICOM file (the "DICM" prefix after the preamble) may be a slide: whether it is shows when it opens.
        Directory.CreateDirectory(folder.File("series"));
        File.WriteAllBytes(Path.Combine(folder.File("series"), "level0.dcm"), [.. new byte[128], .. "DICM"u8]);
        var config = Write(folder, """
            { "mountPoint": "/mnt/a", "images": [
              { "urlpath": "present.svs" },
              { "image_id": ["case", "gone"], "urlpath": "gone.svs" },
              { "urlpath": "folder.svs" },
              { "urlpath": "s3://bucket/remote.svs" },
              { "urlpath": "series" }
            ] }
            """);

        var loaded = MountConfigLoader.Load(config);

        Assert.Equal(5, loaded.Images.Count);
        Assert.Equal(
            [
                $"images[1]: '{folder.File("gone.svs")}' does not exist; its folder case/gone.zarr will fail to open",
                $"images[2]: '{folder.File("folder.svs")}' is a folder holding no DICOM file, not a slide; its folder folder.svs.zarr will fail to open",
            ],
            loaded.Warnings);
    }

    [Fact]
    public void Beyond_twenty_missing_slide_files_the_rest_are_counted()
    {
        using var folder = new TemporaryDirectory();
        var records = string.Join(", ", Enumerable.Range(0, 25).Select(i => $$"""{ "urlpath": "missing-{{i}}.svs" }"""));

        var loaded = MountConfigLoader.Load(Write(folder, $$"""{ "mountPoint": "/mnt/a", "images": [{{records}}] }"""));

        Assert.Equal(21, loaded.Warnings.Count);
        Assert.StartsWith("images[19]: ", loaded.Warnings[19], StringComparison.Ordinal);
        Assert.Equal("5 more slide files are missing", loaded.Warnings[20]);
    }

    [Theory]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("512 MB", 512_000_000)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("1048576", 1L << 20)]
    public void Sizes_read_as_people_write_them(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    private static string Write(TemporaryDirectory folder, string json)
    {
        var path = folder.File($"padofs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
