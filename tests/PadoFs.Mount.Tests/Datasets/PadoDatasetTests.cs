using System.Text.Json;
using PadoFs.Mount.Datasets;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Datasets;

/// <summary>Datasets written as pado writes them, by an independent parquet writer, read into records.</summary>
[Trait("Category", "Oracles")]
public class PadoDatasetTests
{
    private static readonly string s_small = SharedSlides.PathOf("small.svs");
    private static readonly string s_cmu = SharedSlides.PathOf("cmu-1-small-region.svs");

    [Fact]
    public void Given_a_pado_image_store_then_every_row_is_its_record_with_the_image_id_as_folder_parts()
    {
        using var dataset = new TemporaryDirectory();
        PadoImageStores.Write(dataset.File("abc.image.parquet"), [
            PadoImageStores.Row("ImageId('site-a', 'case-17', 'small.svs', site='x')", s_small),
            PadoImageStores.Row("ImageId(\"cmu.svs\")", s_cmu, width: 2220, height: 2967),
        ]);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(2, images.Count);
        var record = images[0].Record;
        Assert.Equal(["x", "site-a", "case-17", "small.svs"], record.ImageId);
        Assert.Equal(s_small, record.Urlpath);
        Assert.Equal(2220, record.Width);
        Assert.Equal(2967, record.Height);
        Assert.Equal("20", record.ObjectivePower);
        Assert.Equal(0.499, record.MppX);
        Assert.Equal(0.501, record.MppY);
        Assert.Equal([1.0, 4.000345, 16.0], record.Downsamples);
        Assert.Equal("aperio", record.Vendor);
        Assert.Equal(1_234_567L, record.SizeBytes);
        Assert.Equal(DateTimeOffset.Parse("2024-02-29T12:34:56.789Z", System.Globalization.CultureInfo.InvariantCulture), record.TimeLastModified);
        Assert.Null(record.TimeLastAccess);
        Assert.Equal("TiffSlide", record.PadoImageBackend);
        Assert.Equal(["cmu.svs"], images[1].Record.ImageId);
        Assert.Equal(1, images[1].Row);
    }

    [Fact]
    public void Given_columns_as_pandas_leaves_them_then_nan_integers_and_columns_of_none_are_missing_values()
    {
        using var dataset = new TemporaryDirectory();
        var withBounds = PadoImageStores.Row("ImageId('a.svs')", s_small);
        withBounds["bounds_x"] = 12;
        var without = PadoImageStores.Row("ImageId('b.svs')", s_small);
        PadoImageStores.Write(
            dataset.File("i.image.parquet"),
            [withBounds, without],
            types: new Dictionary<string, string> { ["bounds_x"] = "float64", ["comment"] = "null", ["md5_computed"] = "null" });

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(12, images[0].Record.BoundsX);
        Assert.Null(images[1].Record.BoundsX);
        Assert.Null(images[0].Record.Comment);
        Assert.Null(images[1].Record.Md5Computed);
    }

    [Fact]
    public void Given_a_named_index_then_its_column_is_the_one_the_pandas_metadata_names()
    {
        using var dataset = new TemporaryDirectory();
        PadoImageStores.Write(dataset.File("i.image.parquet"), [PadoImageStores.Row("ImageId('named.svs')", s_small)], indexName: "image_id");

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(["named.svs"], Assert.Single(images).Record.ImageId);
    }

    [Fact]
    public void Given_two_image_stores_then_they_are_concatenated_in_name_order_and_a_duplicate_image_id_is_one_line()
    {
        using var dataset = new TemporaryDirectory();
        PadoImageStores.Write(dataset.File("b.image.parquet"), [
            PadoImageStores.Row("ImageId('two.svs')", s_cmu),
            PadoImageStores.Row("ImageId('one.svs')", s_cmu),
        ]);
        PadoImageStores.Write(dataset.File("a.image.parquet"), [PadoImageStores.Row("ImageId('one.svs')", s_small)]);
        File.WriteAllText(dataset.File("a.metadata.parquet"), "not an image store, and not read");

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Equal([["one.svs"], ["two.svs"]], images.Select(image => image.Record.ImageId));
        Assert.Equal(s_small, images[0].Record.Urlpath);
        var line = Assert.Single(problems);
        Assert.Equal($"'{dataset.File("b.image.parquet")}' row 1: ImageId('one.svs') is already '{dataset.File("a.image.parquet")}' row 0; the first is kept", line);
    }

    [Fact]
    public void Given_relative_and_json_form_urlpaths_then_they_resolve_as_pado_resolves_them()
    {
        using var dataset = new TemporaryDirectory();
        using var working = new TemporaryDirectory();

        // pado writes an fsspec file's urlpath as {"fs": fs.to_json(), "path": ...}; fsspec itself makes the fs part.
        var localFs = Python.RunCode("from fsspec.implementations.local import LocalFileSystem; print(LocalFileSystem().to_json())", string.Empty).Trim();
        var jsonForm = JsonSerializer.Serialize(new { fs = localFs, path = s_cmu });
        PadoImageStores.Write(dataset.File("i.image.parquet"), [
            PadoImageStores.Row("ImageId('relative.svs')", "slides/relative.svs"),
            PadoImageStores.Row("ImageId('json.svs')", jsonForm),
            PadoImageStores.Row("ImageId('url.svs')", "file://" + s_small),
        ]);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, working.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(Path.Combine(working.Path, "slides", "relative.svs"), images[0].Record.Urlpath);
        Assert.Equal(s_cmu, images[1].Record.Urlpath);
        Assert.Equal(s_small, images[2].Record.Urlpath);
    }

    [Fact]
    public void Given_bad_rows_then_each_is_one_line_naming_the_file_and_row_and_the_other_rows_are_kept()
    {
        using var dataset = new TemporaryDirectory();
        var gcs = JsonSerializer.Serialize(new { fs = """{"cls": "gcsfs.core.GCSFileSystem", "protocol": ["gs", "gcs"], "args": []}""", path = "bucket/x.svs" });
        var negative = PadoImageStores.Row("ImageId('negative.svs')", s_small);
        negative["mpp_x"] = -1.0;
        PadoImageStores.Write(dataset.File("i.image.parquet"), [
            PadoImageStores.Row("ImageId('good.svs')", s_small),
            PadoImageStores.Row("ImageId('unterminated)", s_small),
            PadoImageStores.Row("ImageId('gcs.svs')", gcs),
            PadoImageStores.Row("ImageId('ssh.svs')", "ssh://example.org/x.svs"),
            negative,
            PadoImageStores.Row("ImageId('also-good.svs')", s_cmu),
        ]);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Equal([["good.svs"], ["also-good.svs"]], images.Select(image => image.Record.ImageId));
        var file = dataset.File("i.image.parquet");
        Assert.Equal(4, problems.Count);
        Assert.StartsWith($"'{file}' row 1 (ImageId('unterminated)): ImageId has a string literal", problems[0], StringComparison.Ordinal);
        Assert.Equal($"'{file}' row 2 (ImageId('gcs.svs')): urlpath is on the fsspec filesystem 'gs'; only local files and s3 or http(s) objects are mounted", problems[1]);
        Assert.Equal($"'{file}' row 3 (ImageId('ssh.svs')): urlpath 'ssh://example.org/x.svs' is not on the local filesystem; only local files and s3 or http(s) objects are mounted", problems[2]);
        Assert.StartsWith($"'{file}' row 4 (ImageId('negative.svs')): 'mpp_x' must be a positive number", problems[3], StringComparison.Ordinal);
        Assert.All(problems, line => Assert.DoesNotContain('\n', line));
    }

    [Fact]
    public void Given_rows_of_s3_and_http_objects_then_their_records_keep_the_urls_the_remote_reader_opens()
    {
        using var dataset = new TemporaryDirectory();
        var s3 = JsonSerializer.Serialize(new { fs = """{"cls": "s3fs.core.S3FileSystem", "protocol": ["s3", "s3a"], "args": []}""", path = "bucket/x.svs" });
        PadoImageStores.Write(dataset.File("i.image.parquet"), [
            PadoImageStores.Row("ImageId('s3-json.svs')", s3),
            PadoImageStores.Row("ImageId('s3-url.svs')", "s3://bucket/y.svs"),
            PadoImageStores.Row("ImageId('http.svs')", "https://example.org/z.svs"),
        ]);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(["s3://bucket/x.svs", "s3://bucket/y.svs", "https://example.org/z.svs"], images.Select(image => image.Record.Urlpath));
    }

    public static TheoryData<string, string?, string> BadMetadata => new()
    {
        { "pado.store.parquet.store_version", "2", "is a pado image store of store_version 2; only version 1 is read" },
        { "pado.store.parquet.image_provider_version", "2", "is a pado image store of image_provider_version 2; only version 1 is read" },
        { "pado.store.parquet.image_provider_version", null, "has no pado.store.parquet.image_provider_version (an image store older than version 1; migrate it with pado)" },
        { "pado.store.parquet.store_version", null, "is a pado image store of store_version 0; only version 1 is read" },
        { "pado.store.parquet.store_type", "\"annotation\"", "is a pado annotation store, not an image store" },
        { "pado.store.parquet.store_type", null, "is not a pado image store: it has no pado.store.parquet.store_type metadata" },
        { "pado.store.parquet.store_version", "one", "has pado.store.parquet.store_version one, not a whole number" },
        { "pandas", null, "has no pandas metadata naming its index of ImageIds" },
        { "pandas", """{"index_columns": [{"kind": "range", "start": 0, "stop": 1, "step": 1}]}""", "has a pandas range index, not an index of ImageIds" },
    };

    [Theory]
    [MemberData(nameof(BadMetadata))]
    public void Given_a_store_pado_would_refuse_then_it_is_one_line_naming_the_file_and_the_other_stores_are_read(string key, string? value, string reason)
    {
        using var dataset = new TemporaryDirectory();
        PadoImageStores.Write(dataset.File("bad.image.parquet"), [PadoImageStores.Row("ImageId('bad.svs')", s_small)], metadata: new Dictionary<string, string?> { [key] = value });
        PadoImageStores.Write(dataset.File("good.image.parquet"), [PadoImageStores.Row("ImageId('good.svs')", s_small)]);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Equal(["good.svs"], Assert.Single(images).Record.ImageId);
        Assert.Equal($"'{dataset.File("bad.image.parquet")}' {reason}", Assert.Single(problems));
    }

    [Fact]
    public void Given_a_corrupt_or_truncated_parquet_file_then_it_is_one_line_and_the_other_stores_are_read()
    {
        using var dataset = new TemporaryDirectory();
        var good = PadoImageStores.Write(dataset.File("good.image.parquet"), [PadoImageStores.Row("ImageId('good.svs')", s_small)]);
        var bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(dataset.File("cut.image.parquet"), bytes[..(bytes.Length / 2)]);
        File.WriteAllText(dataset.File("text.image.parquet"), "PAR1 this is not parquet at all PAR1");
        var damaged = (byte[])bytes.Clone();
        for (var i = 4; i < damaged.Length / 2; i++)
        {
            damaged[i] ^= 0x5A;
        }

        File.WriteAllBytes(dataset.File("damaged.image.parquet"), damaged);

        var problems = new List<string>();
        var images = PadoDataset.Read(dataset.Path, dataset.Path, problems);

        Assert.Equal(["good.svs"], Assert.Single(images).Record.ImageId);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, line => Assert.Contains("cannot be read as parquet", line, StringComparison.Ordinal));
        Assert.Contains(problems, line => line.StartsWith($"'{dataset.File("cut.image.parquet")}'", StringComparison.Ordinal));
        Assert.Contains(problems, line => line.StartsWith($"'{dataset.File("damaged.image.parquet")}'", StringComparison.Ordinal));
        Assert.All(problems, line => Assert.DoesNotContain('\n', line));
    }

    [Fact]
    public void Given_no_dataset_folder_or_one_without_image_stores_then_each_is_one_line()
    {
        using var folder = new TemporaryDirectory();
        var empty = Directory.CreateDirectory(folder.File("empty")).FullName;
        var file = folder.File("file");
        File.WriteAllText(file, "x");

        var problems = new List<string>();
        Assert.Empty(PadoDataset.Read(folder.File("missing"), folder.Path, problems));
        Assert.Empty(PadoDataset.Read(empty, folder.Path, problems));
        Assert.Empty(PadoDataset.Read(file, folder.Path, problems));

        Assert.Equal(
            [
                $"dataset '{folder.File("missing")}' does not exist",
                $"dataset '{empty}' has no *.image.parquet file: it is no pado dataset",
                $"dataset '{file}' is a file, not a pado dataset folder",
            ],
            problems);
    }
}
