using System.Diagnostics;
using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared slides, good and bad together, mounted by the padofs daemon, then zarr-python, dask and plain
/// file tools see exactly what the independent readers see, and the bad slides fail alone.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class SharedSlideMountTests
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    private static readonly string[] s_goodSlides =
        ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif", "qupath-cells-2c.ome.tif", "qupath-cells.ome.tif", "test_orient3.tif", "small_la.tiff",
         "4D-series.ome.tiff", "qupath-cells-gray32.tif", "ojpeg-tile.tif", "ndpi-dapi.ndpi"];
    private static readonly string[] s_badSlides = ["broken.svs", "unopenable.tiff", "unreadable.svs"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Zarr_python_reads_every_level_of_every_good_slide_with_the_reference_pixels(string layout)
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides(), layout);

        foreach (var slide in s_goodSlides)
        {
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(slide + ".zarr"), SharedSlides.PathOf(slide), layout));
            foreach (var level in result.RootElement.GetProperty("levels").EnumerateObject())
            {
                var shape = level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64());
                var reference = level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64());
                Assert.Equal(reference, shape);
                Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{slide} level {level.Name} differs ({layout})\n{daemon.Log}");
            }
        }
    }

    /// <summary>
    /// ome-zarr-py up to 0.11 opens each level through an FSStore with the '/' separator ("fsstore"); xarray
    /// masks the pado layout's fill value 0 unless told not to ("xarray-unmasked"); GDAL's multidimensional API reads
    /// zarr v2 in either layout ("gdal").
    /// </summary>
    [Theory]
    [InlineData("ome-ngff", "fsstore")]
    [InlineData("ome-ngff", "plain")]
    [InlineData("ome-ngff", "xarray")]
    [InlineData("pado", "xarray-unmasked")]
    [InlineData("pado", "gdal")]
    [InlineData("ome-ngff", "gdal")]
    public void Every_level_opened_as_other_readers_do_has_the_reference_type_and_pixels(string layout, string open)
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides(), layout);

        foreach (var slide in s_goodSlides)
        {
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", $"--open={open}", daemon.PathOf(slide + ".zarr"), SharedSlides.PathOf(slide), layout));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.NotEmpty(levels);
            foreach (var level in levels)
            {
                Assert.Equal(level.Value.GetProperty("reference_dtype").GetString(), level.Value.GetProperty("dtype").GetString());
                Assert.True(
                    level.Value.TryGetProperty("differing_samples", out var differing) && differing.GetInt64() == 0,
                    $"{slide} level {level.Name} differs or has another shape ({layout}, {open}): {level.Value}\n{daemon.Log}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_good_slide_opens_through_its_consolidated_metadata_which_equals_its_documents(string layout)
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides(), layout);

        foreach (var slide in s_goodSlides)
        {
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_consolidated.py", daemon.PathOf(slide + ".zarr")));
            var root = result.RootElement;
            Assert.Equal(1, root.GetProperty("format").GetInt32());
            Assert.Empty(root.GetProperty("missing").EnumerateArray());
            Assert.Empty(root.GetProperty("different").EnumerateArray());
            Assert.Contains("0", root.GetProperty("arrays").EnumerateArray().Select(array => array.GetString()));
            Assert.True(root.GetProperty("level0_equal").GetBoolean(), $"{slide} ({layout}): level 0 differs through .zmetadata");
        }
    }

    [Fact]
    public void Listing_stat_sizes_and_metadata_agree_with_what_is_read()
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides());

        var listing = RunTool("ls", "-R", daemon.MountPoint);
        Assert.Contains("cmu-1-small-region.svs.zarr", listing.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.0.0", listing.Stdout, StringComparison.Ordinal);

        foreach (var slide in s_goodSlides)
        {
            var folder = daemon.PathOf(slide + ".zarr");
            foreach (var file in Directory.EnumerateFiles(folder, ".z*", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.Equal(new FileInfo(file).Length, bytes.Length);
                using var document = JsonDocument.Parse(bytes);
            }

            var chunk = Directory.EnumerateFiles(Path.Combine(folder, "0")).First(name => !Path.GetFileName(name).StartsWith('.'));
            Assert.Equal(new FileInfo(chunk).Length, File.ReadAllBytes(chunk).Length);
        }
    }

    [Fact]
    public void Dask_reads_a_level_in_parallel_with_the_same_result()
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides());
        const string Code = """
            import sys, dask, dask.array as da, zarr, numpy as np
            path = sys.stdin.read().strip()
            direct = zarr.open_group(path, mode="r")["0"][:]
            with dask.config.set(scheduler="threads", num_workers=8):
                parallel = da.from_zarr(path, component="0").compute()
            print("equal" if direct.shape == parallel.shape and (direct == parallel).all() else "different")
            """;

        var answer = Python.RunCode(Code, daemon.PathOf("tcga-cr-7395.svs.zarr"));

        Assert.Equal("equal", answer.Trim());
    }

    [Fact]
    public void Four_processes_reading_different_slides_at_once_all_get_the_reference_pixels()
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides());
        var slides = new[] { "cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "smalltif.tif" };

        var results = slides.AsParallel().WithDegreeOfParallelism(4).Select(slide =>
            (slide, Json: Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(slide + ".zarr"), SharedSlides.PathOf(slide), "pado"))).ToList();

        foreach (var (slide, json) in results)
        {
            using var result = JsonDocument.Parse(json);
            Assert.All(result.RootElement.GetProperty("levels").EnumerateObject(), level =>
                Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{slide} level {level.Name}"));
        }
    }

    [Fact]
    public void Bad_slides_fail_alone_and_are_named_in_the_log_and_errors_json()
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides());

        Assert.Throws<IOException>(() => Directory.GetFileSystemEntries(daemon.PathOf("broken.svs.zarr")));
        Assert.Throws<IOException>(() => Directory.GetFileSystemEntries(daemon.PathOf("unopenable.tiff.zarr")));
        Assert.True(File.Exists(daemon.PathOf("unreadable.svs.zarr/0/.zarray")));
        Assert.Throws<IOException>(() => File.ReadAllBytes(daemon.PathOf("unreadable.svs.zarr/0/0.0.0")));

        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        var failed = errors.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("folder").GetString()!, e => e.GetProperty("error").GetString()!);
        Assert.Equal(s_badSlides.Select(s => s + ".zarr").Order(), failed.Keys.Order());
        Assert.Contains("52479", failed["unopenable.tiff.zarr"], StringComparison.Ordinal);
        foreach (var slide in s_badSlides)
        {
            Assert.True(daemon.WaitForLog(slide, TimeSpan.FromSeconds(10)), $"{slide} is not named in the log:\n{daemon.Log}");
        }

        var afterwards = Python.RunOracle("zarr_vs_reference.py", daemon.PathOf("boxes.tiff.zarr"), SharedSlides.PathOf("boxes.tiff"), "pado");
        Assert.Contains("\"differing_samples\": 0", afterwards, StringComparison.Ordinal);
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public void Writes_renames_chmod_and_new_files_are_refused_as_read_only_and_change_nothing()
    {
        using var daemon = MountedDaemon.Start(AllSharedSlides());
        var before = File.ReadAllBytes(daemon.PathOf("boxes.tiff.zarr/0/.zarray"));
        const string Code = """
            import errno, os, sys
            root = sys.stdin.read().strip()
            zarray = os.path.join(root, "boxes.tiff.zarr", "0", ".zarray")
            attempts = {
                "write": lambda: open(zarray, "r+b").write(b"x"),
                "append": lambda: open(zarray, "ab"),
                "create": lambda: open(os.path.join(root, "new.txt"), "w"),
                "mkdir": lambda: os.mkdir(os.path.join(root, "folder")),
                "rename": lambda: os.rename(zarray, zarray + ".old"),
                "unlink": lambda: os.unlink(zarray),
                "rmdir": lambda: os.rmdir(os.path.join(root, "boxes.tiff.zarr", "0")),
                "chmod": lambda: os.chmod(zarray, 0o777),
                "truncate": lambda: os.truncate(zarray, 0),
                "symlink": lambda: os.symlink(zarray, os.path.join(root, "link")),
                "utime": lambda: os.utime(zarray, (0, 0)),
            }
            for name, attempt in attempts.items():
                try:
                    attempt()
                    print(name, "succeeded")
                except OSError as error:
                    print(name, errno.errorcode[error.errno])
            """;

        var answers = Python.RunCode(Code, daemon.MountPoint).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(11, answers.Length);
        Assert.All(answers, answer => Assert.EndsWith(" EROFS", answer, StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllBytes(daemon.PathOf("boxes.tiff.zarr/0/.zarray")));
        Assert.False(File.Exists(daemon.PathOf("new.txt")));
    }

    internal static IReadOnlyList<string> GoodSlides => s_goodSlides;

    internal static IEnumerable<object> AllSharedSlides() =>
        s_goodSlides.Concat(s_badSlides).Select(slide => (object)new { urlpath = SharedSlides.PathOf(slide) });

    private static (int ExitCode, string Stdout) RunTool(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result);
    }
}
