using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared TIFF slides behind nginx (http://) and in a bucket of s3rver (s3://), both on loopback, a mount
/// of their records serves them as the local files are served, and a failing server fails only its own slides.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Remote")]
public sealed class RemoteSlideMountTests : IDisposable
{
    private static readonly string[] s_slides = ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "smalltif.tif"];

    private readonly HttpSlideServer _http = new();
    private readonly S3rverServer _s3 = new("slides");

    public RemoteSlideMountTests()
    {
        _s3.PutSharedTiffSlides();
    }

    [Fact]
    public void Zarr_python_reads_every_level_of_http_and_s3_slides_with_the_local_copy_s_reference_pixels()
    {
        using var daemon = MountedDaemon.Start(Records(s_slides));

        foreach (var slide in s_slides)
        {
            foreach (var scheme in new[] { "http", "s3" })
            {
                using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf($"{scheme}/{slide}.zarr"), SharedSlides.PathOf(slide), "pado"));
                var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
                Assert.NotEmpty(levels);
                foreach (var level in levels)
                {
                    var shape = level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64());
                    var reference = level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64());
                    Assert.Equal(reference, shape);
                    Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{scheme} {slide} level {level.Name} differs\n{daemon.Log}");
                }
            }
        }

        var requests = _http.Nginx.Requests.Count;
        Assert.InRange(requests, 1, 400);
    }

    [Fact]
    public void A_remote_svs_has_the_mpp_objective_power_and_vendor_openslide_gives_for_the_local_copy()
    {
        using var daemon = MountedDaemon.Start(Records(["cmu-1-small-region.svs"]));
        const string Code = "import json, openslide, sys; print(json.dumps(dict(openslide.OpenSlide(sys.stdin.read().strip()).properties)))";
        using var expected = JsonDocument.Parse(Python.RunCode(Code, SharedSlides.PathOf("cmu-1-small-region.svs")));
        var properties = expected.RootElement;

        foreach (var scheme in new[] { "http", "s3" })
        {
            using var attributes = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf($"{scheme}/cmu-1-small-region.svs.zarr/.zattrs")));
            var record = attributes.RootElement.GetProperty("pado");
            Assert.Equal(double.Parse(properties.GetProperty("openslide.mpp-x").GetString()!, System.Globalization.CultureInfo.InvariantCulture), record.GetProperty("mpp_x").GetDouble());
            Assert.Equal(double.Parse(properties.GetProperty("openslide.mpp-y").GetString()!, System.Globalization.CultureInfo.InvariantCulture), record.GetProperty("mpp_y").GetDouble());
            Assert.Equal(properties.GetProperty("openslide.objective-power").GetString(), record.GetProperty("objective_power").GetString());
            Assert.Equal(properties.GetProperty("openslide.vendor").GetString(), record.GetProperty("vendor").GetString());
        }
    }

    [Fact]
    public void A_remote_non_tiff_an_unknown_scheme_a_403_and_a_404_each_fail_alone_with_one_line_naming_the_record()
    {
        object[] images =
        [
            new { urlpath = _http.Nginx.UrlOf("broken.svs").ToString(), image_id = new[] { "bad", "not-tiff" } },
            new { urlpath = "ftp://127.0.0.1/slides/boxes.tiff", image_id = new[] { "bad", "ftp" } },
            new { urlpath = _http.Nginx.UrlOf("forbidden/boxes.tiff").ToString(), image_id = new[] { "bad", "forbidden" } },
            new { urlpath = _http.Nginx.UrlOf("absent.tiff").ToString(), image_id = new[] { "bad", "absent" } },
            new { urlpath = _http.Nginx.UrlOf("boxes.tiff").ToString(), image_id = new[] { "good", "boxes.tiff" } },
        ];
        using var daemon = MountedDaemon.Start(images);

        // EIO where the slide is not what PadoFs reads, ENOENT and EACCES as for a local file missing or refused.
        Assert.IsType<IOException>(Record.Exception(() => Directory.GetFileSystemEntries(daemon.PathOf("bad/not-tiff.zarr"))));
        Assert.IsType<IOException>(Record.Exception(() => Directory.GetFileSystemEntries(daemon.PathOf("bad/ftp.zarr"))));
        Assert.IsType<FileNotFoundException>(Record.Exception(() => File.ReadAllBytes(daemon.PathOf("bad/absent.zarr/.zattrs"))));
        Assert.IsType<DirectoryNotFoundException>(Record.Exception(() => Directory.GetFileSystemEntries(daemon.PathOf("bad/absent.zarr"))));
        Assert.IsType<UnauthorizedAccessException>(Record.Exception(() => Directory.GetFileSystemEntries(daemon.PathOf("bad/forbidden.zarr"))));

        Assert.Contains("\"differing_samples\": 0", Python.RunOracle("zarr_vs_reference.py", daemon.PathOf("good/boxes.tiff.zarr"), SharedSlides.PathOf("boxes.tiff"), "pado"), StringComparison.Ordinal);
        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        var failed = errors.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("folder").GetString()!, e => e.GetProperty("error").GetString()!);
        Assert.Equal(["bad/absent.zarr", "bad/forbidden.zarr", "bad/ftp.zarr", "bad/not-tiff.zarr"], failed.Keys.Order());
        Assert.Contains("TIFF", failed["bad/not-tiff.zarr"], StringComparison.Ordinal);
        Assert.Contains("ftp://", failed["bad/ftp.zarr"], StringComparison.Ordinal);
        Assert.Contains("403", failed["bad/forbidden.zarr"], StringComparison.Ordinal);
        Assert.Contains("404", failed["bad/absent.zarr"], StringComparison.Ordinal);
        Assert.All(failed.Values, message => Assert.DoesNotContain('\n', message));
        Assert.DoesNotContain(S3rverServer.Secret, File.ReadAllText(daemon.PathOf(".padofs/errors.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_server_fails_only_its_slides_reads_which_succeed_again_once_it_is_back()
    {
        using var daemon = MountedDaemon.Start(Records(["tcga-cr-7395.svs"]));
        const string First = "tcga-cr-7395.svs.zarr/0/0.0.0";
        const string Middle = "tcga-cr-7395.svs.zarr/0/7.9.0";
        Assert.NotEmpty(File.ReadAllBytes(daemon.PathOf("http/" + First)));

        _http.Nginx.Stop();
        try
        {
            Assert.Throws<IOException>(() => File.ReadAllBytes(daemon.PathOf("http/" + Middle)));
            Assert.NotEmpty(File.ReadAllBytes(daemon.PathOf("s3/" + Middle)));
        }
        finally
        {
            _http.Nginx.Start();
        }

        var again = File.ReadAllBytes(daemon.PathOf("http/" + Middle));
        Assert.Equal(File.ReadAllBytes(daemon.PathOf("s3/" + Middle)), again);
        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        Assert.All(errors.RootElement.EnumerateArray(), e => Assert.Equal("http/tcga-cr-7395.svs.zarr", e.GetProperty("folder").GetString()));
    }

    [Fact]
    public void An_object_replaced_under_the_mount_gives_its_old_bytes_or_errors_never_a_mix()
    {
        File.Copy(SharedSlides.PathOf("tcga-cr-7395.svs"), _http.PathOf("replaced.svs"), overwrite: true);
        using var daemon = MountedDaemon.Start(
        [
            new { urlpath = _http.Nginx.UrlOf("replaced.svs").ToString(), image_id = new[] { "replaced.svs" } },
            new { urlpath = SharedSlides.PathOf("tcga-cr-7395.svs"), image_id = new[] { "original.svs" } },
        ]);
        Assert.Equal(File.ReadAllBytes(daemon.PathOf("original.svs.zarr/0/0.0.0")), File.ReadAllBytes(daemon.PathOf("replaced.svs.zarr/0/0.0.0")));

        var replacement = _http.PathOf("replaced.svs.new");
        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), replacement, overwrite: true);
        File.SetLastWriteTimeUtc(replacement, DateTime.UtcNow.AddMinutes(5));
        File.Move(replacement, _http.PathOf("replaced.svs"), overwrite: true);

        // Chunks read before the change was found are the opened version's; from the first failure on, all fail.
        var failed = false;
        foreach (var chunk in Directory.GetFiles(daemon.PathOf("original.svs.zarr/1")).Select(Path.GetFileName).Where(name => !name!.StartsWith('.')).Order())
        {
            var original = File.ReadAllBytes(daemon.PathOf($"original.svs.zarr/1/{chunk}"));
            try
            {
                Assert.Equal(original, File.ReadAllBytes(daemon.PathOf($"replaced.svs.zarr/1/{chunk}")));
                Assert.False(failed, $"chunk {chunk} read after an earlier chunk failed");
            }
            catch (IOException)
            {
                failed = true;
            }
        }

        Assert.True(failed, "no read found the object replaced");
        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        Assert.Contains(errors.RootElement.EnumerateArray(), e => e.GetProperty("error").GetString()!.Contains("changed", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _http.Dispose();
        _s3.Dispose();
    }

    [Fact]
    public void A_pado_dataset_of_s3_and_http_rows_mounts_them_as_remote_slides_read_with_the_mount_s_storage_options()
    {
        using var working = new TemporaryDirectory();
        var dataset = Directory.CreateDirectory(working.File("remote-dataset")).FullName;
        const string Slide = "cmu-1-small-region.svs";
        var s3Json = JsonSerializer.Serialize(new { fs = """{"cls": "s3fs.core.S3FileSystem", "protocol": ["s3", "s3a"], "args": []}""", path = $"slides/{Slide}" });
        PadoImageStores.Write(Path.Combine(dataset, "remote.image.parquet"), [
            PadoImageStores.Row($"ImageId('over-http', '{Slide}')", _http.Nginx.UrlOf(Slide).ToString()),
            PadoImageStores.Row($"ImageId('in-s3', '{Slide}', site='bucket')", s3Json),
        ]);
        var config = new
        {
            datasets = new[] { dataset },
            storageOptions = new { key = S3rverServer.AccessKey, secret = S3rverServer.Secret, endpoint_url = _s3.BaseUrl.ToString() },
        };

        using var daemon = MountedDaemon.Start("mount", config);

        foreach (var folder in new[] { $"over-http/{Slide}.zarr", $"bucket/in-s3/{Slide}.zarr" })
        {
            Assert.True(Directory.Exists(daemon.PathOf(folder)), $"{folder} is not mounted\n{daemon.Log}");
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(folder), SharedSlides.PathOf(Slide), "pado"));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.NotEmpty(levels);
            Assert.All(levels, level => Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{folder} level {level.Name} differs\n{daemon.Log}"));
        }

        Assert.DoesNotContain(" warn: ", daemon.Log, StringComparison.Ordinal);
    }

    private object[] Records(IEnumerable<string> slides) =>
    [
        .. slides.SelectMany(slide => new object[]
        {
            new { urlpath = _http.Nginx.UrlOf(slide).ToString(), image_id = new[] { "http", slide } },
            new
            {
                urlpath = $"s3://slides/{slide}",
                image_id = new[] { "s3", slide },
                storage_options = new { key = S3rverServer.AccessKey, secret = S3rverServer.Secret, endpoint_url = _s3.BaseUrl.ToString() },
            },
        }),
    ];
}
