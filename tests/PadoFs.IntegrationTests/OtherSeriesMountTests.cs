using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given every shared slide tifffile reads and a generated two-image OME-TIFF mounted by the padofs daemon, when the
/// slides' <c>series/N/</c> groups are read through the mount, then each is tifffile's <c>series[N]</c>: every level
/// in shape, dtype, axis names and pixels, in both layouts and zarr formats, listed in the root's consolidated metadata;
/// OpenSlide's vendor slides and files of one image have no <c>series</c> folder.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class OtherSeriesMountTests(TiffCorpus corpus) : IClassFixture<TiffCorpus>
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_series_read_through_the_mount_equals_tifffiles_series(string layout)
    {
        var slides = Slides();
        using var daemon = MountedDaemon.Start(slides.Select(path => (object)new { urlpath = path }), layout);

        var checkedSeries = new List<string>();
        foreach (var path in slides)
        {
            var group = daemon.PathOf(Path.GetFileName(path) + ".zarr");
            var expected = SeriesReference.ServedOtherSeries(path);

            Assert.Equal(expected, SeriesReference.SeriesFolders(group));
            foreach (var series in expected)
            {
                var mismatches = SeriesReference.Mismatches(group, path, layout, series);
                Assert.True(mismatches.Count == 0, $"{path} ({layout}): {string.Join("; ", mismatches)}\n{daemon.Log}");
                checkedSeries.Add($"{Path.GetFileName(path)} {series}");
            }
        }

        Assert.Equal(["ome-two-images.ome.tif 1", "smalltif.tif 1"], checkedSeries.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_consolidated_metadata_of_a_mounted_slide_holds_its_series_documents_as_they_are(string layout)
    {
        using var daemon = MountedDaemon.Start([new { urlpath = corpus.PathOf(TiffCorpus.TwoImagesOmeTiff) }], layout);

        using var result = System.Text.Json.JsonDocument.Parse(Python.RunOracle("zarr_consolidated.py", daemon.PathOf(TiffCorpus.TwoImagesOmeTiff + ".zarr")));

        Assert.Empty(result.RootElement.GetProperty("missing").EnumerateArray());
        Assert.Empty(result.RootElement.GetProperty("different").EnumerateArray());
        Assert.Contains("series/1/1", result.RootElement.GetProperty("arrays").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void In_zarr_v3_every_series_is_in_the_consolidated_metadata_and_zarrita_reads_tifffiles_pixels_through_the_mount(string layout)
    {
        var path = corpus.PathOf(TiffCorpus.TwoImagesOmeTiff);
        using var daemon = MountedDaemon.Start([new { urlpath = path }], layout, new Dictionary<string, string> { ["PADOFS__ZARRFORMAT"] = "3" });
        var root = daemon.PathOf(TiffCorpus.TwoImagesOmeTiff + ".zarr");

        var consolidated = ZarrTreeOracles.CompareV3Consolidated(root);
        var tree = ZarrTreeOracles.ValidateNgff05Tree(root);
        var reading = ZarrTreeOracles.ZarritaVsReference(Path.Combine(root, "series", "1"), path, layout, series: 1);

        Assert.Empty(consolidated.Missing);
        Assert.Empty(consolidated.NotOnDisk);
        Assert.Empty(consolidated.Different);
        Assert.Empty(tree.Errors);
        Assert.Equal(layout == "ome-ngff" ? 2 : 0, tree.Images);
        Assert.Equal(2, reading.DifferingSamples.Count);
        Assert.All(reading.DifferingSamples, level => Assert.True(level.Value == 0, $"series 1 level {level.Key} ({layout}): {reading.Levels[level.Key]}\n{daemon.Log}"));
    }

    // Every shared slide tifffile reads that PadoFs opens, and the generated file.
    private List<string> Slides() =>
    [
        .. SeriesReference.SharedSlidesTifffileReads().Select(SharedSlides.PathOf),
        corpus.PathOf(TiffCorpus.TwoImagesOmeTiff),
    ];
}
