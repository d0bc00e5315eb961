using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// Given a TIFF of several series (tifffile's <c>series[1:]</c>), when it is exported, then each other series is a zarr
/// image of its own under <c>series/N/</c> whose every level equals tifffile's <c>series[N].levels[L]</c> in shape,
/// dtype, axis names and pixels, in both layouts and zarr formats, listed in the root's consolidated metadata.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class OtherSeriesExportTests(TiffCorpus corpus) : IClassFixture<TiffCorpus>
{
    public static TheoryData<string> Layouts => [ZarrLayoutNames.Pado, ZarrLayoutNames.OmeNgff];

    // A shared plain TIFF and a generated OME-TIFF, each of two series.
    private string[] TwoSeriesFiles => [SharedSlides.PathOf("smalltif.tif"), corpus.PathOf(TiffCorpus.TwoImagesOmeTiff)];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_series_of_every_shared_slide_tifffile_reads_equals_tifffiles_series(string layout)
    {
        using var folder = new TemporaryDirectory();
        var checkedSeries = new List<string>();
        foreach (var slide in SeriesReference.SharedSlidesTifffileReads())
        {
            var path = SharedSlides.PathOf(slide);
            var target = Export(path, folder.File(slide + ".zarr"), layout, ZarrFormat.V2);
            var expected = SeriesReference.ServedOtherSeries(path);

            Assert.Equal(expected, SeriesReference.SeriesFolders(target));
            foreach (var series in expected)
            {
                Assert.Empty(SeriesReference.Mismatches(target, path, layout, series));
                checkedSeries.Add($"{slide} {series}");
            }
        }

        Assert.Contains("smalltif.tif 1", checkedSeries);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Both_images_of_a_two_image_ome_tiff_equal_tifffiles_series(string layout)
    {
        using var folder = new TemporaryDirectory();
        var path = corpus.PathOf(TiffCorpus.TwoImagesOmeTiff);
        var target = Export(path, folder.File("two.zarr"), layout, ZarrFormat.V2);

        Assert.Equal([1], SeriesReference.ServedOtherSeries(path));
        Assert.Equal([1], SeriesReference.SeriesFolders(target));
        Assert.Empty(SeriesReference.Mismatches(target, path, layout, series: 1));
        var first = ZarrOracle.CompareWithReference(target, path, ZarrLayoutNames.Parse(layout));
        Assert.Equal(3, first.Count);
        Assert.All(first.Values, level => Assert.Equal(0, level.DifferingSamples));
    }

    [Fact]
    public void In_the_pado_layout_every_series_level_has_tifffiles_zarray_byte_for_byte()
    {
        using var folder = new TemporaryDirectory();
        foreach (var path in TwoSeriesFiles)
        {
            var target = Export(path, folder.File(Path.GetFileName(path) + ".zarr"), ZarrLayoutNames.Pado, ZarrFormat.V2);

            var zarrays = ZarrOracle.TifffileZarrays(path, series: 1);

            Assert.NotEmpty(zarrays);
            for (var level = 0; level < zarrays.Count; level++)
            {
                Assert.Equal(zarrays[level], File.ReadAllText(Path.Combine(target, SlideStore.SeriesFolder, "1", level.ToString(System.Globalization.CultureInfo.InvariantCulture), ".zarray")));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_roots_consolidated_metadata_holds_every_series_document_as_it_is(string layout)
    {
        using var folder = new TemporaryDirectory();
        foreach (var path in TwoSeriesFiles)
        {
            var target = Export(path, folder.File(Path.GetFileName(path) + ".zarr"), layout, ZarrFormat.V2);

            var consolidated = ZarrOracle.CompareConsolidated(target);

            Assert.Empty(consolidated.Missing);
            Assert.Empty(consolidated.Different);
            Assert.Contains("series/1/0", consolidated.Arrays);
            Assert.True(consolidated.Level0Equal);
        }
    }

    [Fact]
    public void In_the_ome_ngff_layout_every_series_group_is_valid_against_the_ngff_0_4_schemas()
    {
        using var folder = new TemporaryDirectory();
        foreach (var path in TwoSeriesFiles)
        {
            var target = Export(path, folder.File(Path.GetFileName(path) + ".zarr"), ZarrLayoutNames.OmeNgff, ZarrFormat.V2);

            var (image, strict) = ZarrOracle.ValidateNgff(Path.Combine(target, SlideStore.SeriesFolder, "1", ".zattrs"));

            Assert.Empty(image);
            Assert.Empty(strict);
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void In_zarr_v3_every_series_is_a_valid_node_in_the_consolidated_metadata_and_zarrita_reads_tifffiles_pixels(string layout)
    {
        using var folder = new TemporaryDirectory();
        foreach (var path in TwoSeriesFiles)
        {
            var target = Export(path, folder.File(Path.GetFileName(path) + ".zarr"), layout, ZarrFormat.V3);

            var consolidated = ZarrTreeOracles.CompareV3Consolidated(target);
            var tree = ZarrTreeOracles.ValidateNgff05Tree(target);
            var reading = ZarrTreeOracles.ZarritaVsReference(Path.Combine(target, SlideStore.SeriesFolder, "1"), path, layout, series: 1);

            Assert.Empty(consolidated.Missing);
            Assert.Empty(consolidated.NotOnDisk);
            Assert.Empty(consolidated.Different);
            Assert.Empty(tree.Errors);
            Assert.Equal(layout == ZarrLayoutNames.OmeNgff ? 2 : 0, tree.Images);
            Assert.Equal(reading.ReferenceLevels, reading.DifferingSamples.Count);
            Assert.All(reading.DifferingSamples, level => Assert.True(level.Value == 0, $"{path} series 1 level {level.Key} ({layout}): {reading.Levels[level.Key]}"));
        }
    }

    private static string Export(string path, string target, string layout, ZarrFormat format)
    {
        using var image = new Image(path).Open();
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayoutNames.Parse(layout), Format = format }), target);
        return target;
    }
}
