using PadoFs.Mount.Configuration;
using PadoFs.Testing;
using PadoFs.Zarr.Formats;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>Given a config's zarrFormat, a mount serves zarr v2 by default, v3 when asked, and nothing for any other value.</summary>
[Trait("Category", "Fast")]
public sealed class ZarrFormatConfigTests
{
    [Theory]
    [InlineData("", 2)]
    [InlineData("\"zarrFormat\": 2,", 2)]
    [InlineData("\"zarrFormat\": 3,", 3)]
    [InlineData("\"zarrFormat\": \"3\",", 3)]
    public void The_zarr_format_is_2_unless_the_config_says_3(string setting, int version)
    {
        using var folder = new TemporaryDirectory();

        var loaded = MountConfigLoader.Load(Write(folder, $$"""{ "mountPoint": "/mnt/a", {{setting}} "images": [] }"""));

        Assert.Equal(version, loaded.Format.Version);
        Assert.Same(ZarrFormat.Of(version), loaded.Format);
    }

    [Fact]
    public void An_override_wins_over_the_file()
    {
        using var folder = new TemporaryDirectory();

        var loaded = MountConfigLoader.Load(Write(folder, """{ "mountPoint": "/mnt/a", "zarrFormat": 2, "images": [] }"""), overrides: new Dictionary<string, string?> { ["zarrFormat"] = "3" });

        Assert.Equal(3, loaded.Format.Version);
    }

    [Theory]
    [InlineData("4", "'zarrFormat': Unknown zarr format '4': use 2 or 3.")]
    [InlineData("0", "'zarrFormat': Unknown zarr format '0': use 2 or 3.")]
    [InlineData("\"three\"", "'zarrFormat' is 'three', not a whole number up to 2147483647")]
    [InlineData("2.5", "'zarrFormat' is '2.5', not a whole number up to 2147483647")]
    public void Another_zarr_format_is_the_one_problem_named(string value, string problem)
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(Write(folder, $$"""{ "mountPoint": "/mnt/a", "zarrFormat": {{value}}, "images": [] }""")));

        Assert.Equal([problem], error.Problems);
    }

    private static string Write(TemporaryDirectory folder, string json)
    {
        var path = folder.File($"padofs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
