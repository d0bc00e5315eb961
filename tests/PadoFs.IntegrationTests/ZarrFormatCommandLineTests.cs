using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>padofs export --zarr-format and a mount's zarrFormat, as users give them: 2 or 3, anything else refused alike.</summary>
[Trait("Category", "Oracles")]
public sealed class ZarrFormatCommandLineTests
{
    [Fact]
    public void Export_writes_a_v3_tree_when_asked_and_refuses_another_format_with_one_line()
    {
        using var folder = new TemporaryDirectory();

        var (exitCode, _, stderr) = PadofsCommand.Run("export", SharedSlides.PathOf("small.svs"), folder.File("small.zarr"), "--zarr-format", "3");
        var (refusedExitCode, _, refused) = PadofsCommand.Run("export", SharedSlides.PathOf("small.svs"), folder.File("other.zarr"), "--zarr-format", "4");

        Assert.True(exitCode == 0, stderr);
        Assert.True(File.Exists(Path.Combine(folder.File("small.zarr"), "0", "zarr.json")));
        Assert.False(File.Exists(Path.Combine(folder.File("small.zarr"), ".zgroup")));
        Assert.NotEqual(0, refusedExitCode);
        Assert.Contains("Unknown zarr format '4': use 2 or 3.", refused, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("other.zarr")));
    }

    [Theory]
    [InlineData("7", "'zarrFormat': Unknown zarr format '7': use 2 or 3.")]
    [InlineData("v3", "'zarrFormat' is 'v3', not a whole number up to 2147483647")]
    public void A_mount_refuses_a_zarr_format_from_the_environment_that_is_not_2_or_3_and_exits_2(string value, string problem)
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File("padofs.json");
        File.WriteAllText(config, $$"""{ "mountPoint": "{{folder.Path}}", "images": [] }""");

        var (exitCode, _, stderr) = PadofsCommand.RunWith(new Dictionary<string, string> { ["PADOFS__ZARRFORMAT"] = value }, "mount", config);

        Assert.Equal(2, exitCode);
        Assert.Equal($"padofs: Config '{config}': {problem}", stderr.TrimEnd());
    }
}
