using System.Diagnostics;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>A config that mounts but will not serve what its author probably meant says so in the log, one line each.</summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
public sealed class MountWarningTests
{
    [Fact]
    public void An_empty_image_list_mounts_with_a_warning()
    {
        using var daemon = MountedDaemon.Start([]);

        var warning = WarningLine(daemon, "'images' is empty");

        Assert.EndsWith(
            $"Config {daemon.ConfigPath}: 'images' is empty: the mount shows no slides (add records, e.g. the output of padofs record SLIDE...)",
            warning,
            StringComparison.Ordinal);
        Assert.Equal([".padofs"], Directory.EnumerateFileSystemEntries(daemon.MountPoint).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_slide_file_mounts_with_a_warning_naming_it_its_folder_lists_as_missing_and_the_other_slides_serve()
    {
        var small = SharedSlides.PathOf("small.svs");
        using var daemon = MountedDaemon.Start([new { urlpath = "/nonexistent/gone.svs" }, new { urlpath = small }]);

        var warning = WarningLine(daemon, "gone.svs");

        Assert.EndsWith("images[0]: '/nonexistent/gone.svs' does not exist; its folder gone.svs.zarr will fail to open", warning, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => Directory.GetFileSystemEntries(daemon.PathOf("gone.svs.zarr")));
        Assert.DoesNotContain("small.svs", daemon.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(daemon.PathOf("small.svs.zarr/0/.zarray")));
    }

    // The log is written by a background thread: the line may follow the mount by a moment.
    private static string WarningLine(MountedDaemon daemon, string text)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var lines = daemon.Log.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
            if (lines.Count > 0)
            {
                Assert.Single(lines);
                Assert.Contains(" warn: ", lines[0], StringComparison.Ordinal);
                return lines[0].TrimEnd('\r');
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"No warning with '{text}' in the log:\n{daemon.Log}");
    }
}
