using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given pado datasets written by an independent parquet writer with pado's schema and metadata, pointing at the
/// shared slides, then <c>padofs mount --dataset DIR</c> shows the folders pado's ImageIds name, zarr-python reads
/// each with the reference pixels, and every bad input is one log line while the rest mounts.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class DatasetMountTests
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_mount_lists_the_folders_pado_image_ids_name_and_zarr_python_reads_each_with_the_reference_pixels(string layout)
    {
        using var working = new TemporaryDirectory();
        var dataset = Directory.CreateDirectory(working.File("my-dataset")).FullName;

        // pado writes an fsspec file's urlpath as {"fs": fs.to_json(), "path": ...}; fsspec itself makes the fs part.
        var localFs = Python.RunCode("from fsspec.implementations.local import LocalFileSystem; print(LocalFileSystem().to_json())", string.Empty).Trim();
        var slides = new (string ImageId, string Slide, string Urlpath, long Width, long Height)[]
        {
            ("ImageId('site-a', 'case-17', 'cmu-1-small-region.svs', site='lab')", "cmu-1-small-region.svs", SharedSlides.PathOf("cmu-1-small-region.svs"), 2220, 2967),
            ("ImageId(\"small.svs\")", "small.svs", Path.GetRelativePath(working.Path, SharedSlides.PathOf("small.svs")), 16, 16),
            ("ImageId('boxes.tiff', site='x')", "boxes.tiff", JsonSerializer.Serialize(new { fs = localFs, path = SharedSlides.PathOf("boxes.tiff") }), 300, 250),
            ("ImageId('tcga', 'tcga-cr-7395.svs')", "tcga-cr-7395.svs", "file://" + SharedSlides.PathOf("tcga-cr-7395.svs"), 4443, 3567),
            ("ImageId('caf\\xe9 \\u4e2d', 'test_orient3.tif', site=None)", "test_orient3.tif", SharedSlides.PathOf("test_orient3.tif"), 120, 180),
        };
        PadoImageStores.Write(Path.Combine(dataset, "abc.image.parquet"), slides.Select(s => PadoImageStores.Row(s.ImageId, s.Urlpath, s.Width, s.Height)));
        var folders = PadoFolders(slides.Select(s => s.ImageId));

        using var daemon = MountedDaemon.StartDatasets(["my-dataset"], working.Path, new Dictionary<string, string> { ["PADOFS__LAYOUT"] = layout });

        Assert.Equal(folders.Order(StringComparer.Ordinal), SlideFolders(daemon.MountPoint).Order(StringComparer.Ordinal));
        for (var i = 0; i < slides.Length; i++)
        {
            AssertReadsAsReference(daemon, folders[i], slides[i].Slide, layout);
        }

        Assert.DoesNotContain(" warn: ", daemon.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_image_stores_are_concatenated_and_a_duplicate_image_id_is_one_line_naming_both_rows_while_the_first_serves()
    {
        using var working = new TemporaryDirectory();
        var dataset = Directory.CreateDirectory(working.File("dataset")).FullName;
        var first = PadoImageStores.Write(Path.Combine(dataset, "a.image.parquet"), [PadoImageStores.Row("ImageId('one.svs')", SharedSlides.PathOf("small.svs"), 16, 16)]);
        var second = PadoImageStores.Write(Path.Combine(dataset, "b.image.parquet"), [
            PadoImageStores.Row("ImageId('two', 'boxes.tiff')", SharedSlides.PathOf("boxes.tiff"), 300, 250),
            PadoImageStores.Row("ImageId('one.svs')", SharedSlides.PathOf("cmu-1-small-region.svs")),
        ]);

        using var daemon = MountedDaemon.StartDatasets([dataset], working.Path);

        Assert.Equal(PadoFolders(["ImageId('one.svs')", "ImageId('two', 'boxes.tiff')"]).Order(StringComparer.Ordinal), SlideFolders(daemon.MountPoint).Order(StringComparer.Ordinal));
        var line = WarningLine(daemon, "is already");
        Assert.EndsWith($"'{second}' row 1: ImageId('one.svs') is already '{first}' row 0; the first is kept", line, StringComparison.Ordinal);
        AssertReadsAsReference(daemon, "one.svs.zarr", "small.svs");
        AssertReadsAsReference(daemon, "two/boxes.tiff.zarr", "boxes.tiff");
    }

    [Fact]
    public void Every_bad_input_is_one_warning_naming_its_file_and_row_and_the_good_images_of_every_dataset_mount()
    {
        using var working = new TemporaryDirectory();
        var small = SharedSlides.PathOf("small.svs");
        string Store(string datasetName, string imageId, IReadOnlyDictionary<string, string?>? metadata = null, string file = "images.image.parquet")
        {
            var folder = Directory.CreateDirectory(working.File(datasetName)).FullName;
            return PadoImageStores.Write(Path.Combine(folder, file), [PadoImageStores.Row(imageId, small, 16, 16)], metadata: metadata);
        }

        var newerStore = Store("newer-store", "ImageId('newer-store.svs')", new Dictionary<string, string?> { ["pado.store.parquet.store_version"] = "2" });
        var newerProvider = Store("newer-provider", "ImageId('newer-provider.svs')", new Dictionary<string, string?> { ["pado.store.parquet.image_provider_version"] = "2" });
        var notPado = Store("not-pado", "ImageId('not-pado.svs')", new Dictionary<string, string?> { ["pado.store.parquet.store_type"] = null });
        var malformedFolder = Directory.CreateDirectory(working.File("malformed")).FullName;
        var malformed = PadoImageStores.Write(Path.Combine(malformedFolder, "m.image.parquet"), [
            PadoImageStores.Row("ImageId('kept.svs')", small, 16, 16),
            PadoImageStores.Row("ImageId('unterminated)", small, 16, 16),
        ]);
        Store("good", "ImageId('good', 'small.svs', site='s')");
        var missing = working.File("missing");

        using var daemon = MountedDaemon.StartDatasets(["newer-store", "newer-provider", "not-pado", "malformed", "missing", "good"], working.Path);

        Assert.Equal(["kept.svs.zarr", "s/good/small.svs.zarr"], SlideFolders(daemon.MountPoint).Order(StringComparer.Ordinal));
        Assert.EndsWith($"'{newerStore}' is a pado image store of store_version 2; only version 1 is read", WarningLine(daemon, newerStore), StringComparison.Ordinal);
        Assert.EndsWith($"'{newerProvider}' is a pado image store of image_provider_version 2; only version 1 is read", WarningLine(daemon, newerProvider), StringComparison.Ordinal);
        Assert.EndsWith($"'{notPado}' is not a pado image store: it has no pado.store.parquet.store_type metadata", WarningLine(daemon, notPado), StringComparison.Ordinal);
        Assert.Contains($"'{malformed}' row 1 (ImageId('unterminated)): ImageId has a string literal at 9 that does not end", WarningLine(daemon, malformed), StringComparison.Ordinal);
        Assert.EndsWith($"dataset '{missing}' does not exist", WarningLine(daemon, missing), StringComparison.Ordinal);
        AssertReadsAsReference(daemon, "s/good/small.svs.zarr", "small.svs");
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public void Record_with_a_dataset_prints_the_records_it_would_mount_and_names_each_bad_row()
    {
        using var working = new TemporaryDirectory();
        var dataset = Directory.CreateDirectory(working.File("dataset")).FullName;
        var store = PadoImageStores.Write(Path.Combine(dataset, "x.image.parquet"), [
            PadoImageStores.Row("ImageId('a', 'small.svs', site='s')", SharedSlides.PathOf("small.svs"), 16, 16),
            PadoImageStores.Row("ImageId(1)", SharedSlides.PathOf("small.svs"), 16, 16),
        ]);

        var (exitCode, stdout, stderr) = PadofsCommand.Run("record", "--dataset", dataset);

        Assert.Equal(1, exitCode);
        using var records = JsonDocument.Parse(stdout);
        var record = Assert.Single(records.RootElement.EnumerateArray());
        Assert.Equal(["s", "a", "small.svs"], record.GetProperty("image_id").EnumerateArray().Select(part => part.GetString()));
        Assert.Equal(SharedSlides.PathOf("small.svs"), record.GetProperty("urlpath").GetString());
        Assert.Equal(16, record.GetProperty("width").GetInt64());
        Assert.Equal($"padofs: '{store}' row 1 (ImageId(1)): ImageId expects a string literal at 9", stderr.Trim());
    }

    /// <summary>The mounted folders pado's ImageId strings name, as python evaluating them as pado does gives them.</summary>
    private static List<string> PadoFolders(IEnumerable<string> imageIds)
    {
        using var evaluated = JsonDocument.Parse(Python.RunOracleWithInput("pado_image_ids.py", JsonSerializer.Serialize(imageIds), "evaluate"));
        return evaluated.RootElement.EnumerateArray().Select(id => id.GetProperty("folder").GetString()!).ToList();
    }

    // Every slide folder under the mount, found without entering one (which opens its slide).
    private static List<string> SlideFolders(string mountPoint)
    {
        var found = new List<string>();
        var pending = new Stack<string>([mountPoint]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in Directory.EnumerateDirectories(folder))
            {
                var relative = Path.GetRelativePath(mountPoint, entry);
                if (relative == ".padofs")
                {
                    continue;
                }

                if (entry.EndsWith(".zarr", StringComparison.Ordinal))
                {
                    found.Add(relative);
                }
                else
                {
                    pending.Push(entry);
                }
            }
        }

        return found;
    }

    // zarr-python reads every level of the folder with the shape and pixels of the slide's reference reader.
    private static void AssertReadsAsReference(MountedDaemon daemon, string folder, string slide, string layout = "pado")
    {
        using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(folder), SharedSlides.PathOf(slide), layout));
        var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
        Assert.NotEmpty(levels);
        foreach (var level in levels)
        {
            var shape = level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64());
            Assert.Equal(level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64()), shape);
            Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{folder} level {level.Name} differs ({layout})\n{daemon.Log}");
        }
    }

    // The one warning line that holds the text; the log is written by a background thread, a moment after the mount.
    private static string WarningLine(MountedDaemon daemon, string text)
    {
        Assert.True(daemon.WaitForLog(text, TimeSpan.FromSeconds(10)), $"No line with '{text}' in the log:\n{daemon.Log}");
        var line = Assert.Single(daemon.Log.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));
        Assert.Contains(" warn: ", line, StringComparison.Ordinal);
        return line.TrimEnd('\r');
    }
}
