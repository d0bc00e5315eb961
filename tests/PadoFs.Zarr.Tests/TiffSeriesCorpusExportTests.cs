using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// Given files tifffile reads as shaped series (CZYX, QQYX, a QYXS stack with SubIFD levels), ImageJ hyperstacks (TZCYX
/// uint16, TZYX float32) and a qptiff (4 channels, 2 reduced levels), when exported, then every level equals tifffile's
/// in shape, dtype and every sample, its <c>.zarray</c> and axis names are tifffile's, and in the ome-ngff layout the
/// root is valid OME-NGFF with the t, c and z axes the series has.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffSeriesCorpusExportTests(TiffSeriesCorpus corpus) : IClassFixture<TiffSeriesCorpus>
{
    public static TheoryData<string, string> NamesAndLayouts => TiffSeriesCorpus.NamesAndLayouts;

    public static TheoryData<string> Names => new(TiffSeriesCorpus.Files.Select(file => file.Name));

    public static TheoryData<string, string[]> NgffAxes => new()
    {
        { "shaped-czyx-uint16.tif", ["c", "z", "y", "x"] },
        { "imagej-tzcyx-uint16.tif", ["t", "c", "z", "y", "x"] },
        { "imagej-tzyx-float32.tif", ["t", "c", "z", "y", "x"] },
        { "qptiff-cyx-uint8.qptiff", ["c", "y", "x"] },
    };

    [Theory]
    [MemberData(nameof(NamesAndLayouts))]
    public void Every_level_equals_tifffiles_in_every_sample(string name, string layout)
    {
        var levels = TifffileAssertions.AssertEveryLevelExportedEqualsTheReference(corpus.PathOf(name), ZarrLayoutNames.Parse(layout));

        Assert.Equal(name is "shaped-rgb-stack.tif" or "qptiff-cyx-uint8.qptiff" ? 3 : 1, levels);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_zarray_and_axis_name_is_tifffiles(string name)
    {
        using var image = new Image(corpus.PathOf(name)).Open();

        TifffileAssertions.AssertEveryZarrayAndAxisNameIsTifffiles(image, corpus.PathOf(name));
    }

    [Theory]
    [MemberData(nameof(NgffAxes))]
    public void The_ome_ngff_root_is_valid_with_the_series_axes(string name, string[] axes)
    {
        using var folder = new TemporaryDirectory();
        var target = ExportNgff(corpus.PathOf(name), folder.File("slide.zarr"));
        using var attributes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(target, ".zattrs")));
        var multiscale = attributes.RootElement.GetProperty("multiscales")[0];
        var (imageErrors, strictErrors) = ZarrOracle.ValidateNgff(Path.Combine(target, ".zattrs"));

        Assert.Equal(axes, multiscale.GetProperty("axes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Empty(imageErrors);
        Assert.Empty(strictErrors);
    }

    [Fact]
    public void A_qptiffs_channel_names_and_colours_are_its_omero_channels()
    {
        using var folder = new TemporaryDirectory();
        var target = ExportNgff(corpus.PathOf("qptiff-cyx-uint8.qptiff"), folder.File("slide.zarr"));
        using var attributes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(target, ".zattrs")));
        var channels = attributes.RootElement.GetProperty("omero").GetProperty("channels").EnumerateArray().ToList();

        Assert.Equal(["DAPI", "CD8", "PanCK", "Autofluorescence"], channels.Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["0000FF", "00FF00", "FF0000", "FFFFFF"], channels.Select(c => c.GetProperty("color").GetString()));
    }

    [Theory]
    [InlineData("pado")]
    [InlineData("ome-ngff")]
    public void A_qptiffs_rgb_thumbnail_macro_and_label_are_series_1_to_3_equal_to_tifffiles(string layout)
    {
        // Associated images are served in the slide's pixel format; these RGB pages beside single-channel uint8
        // baseline pages are not, so each is a series folder of its own.
        using var folder = new TemporaryDirectory();
        var path = corpus.PathOf("qptiff-cyx-uint8.qptiff");
        using var image = new Image(path).Open();
        var target = folder.File("slide.zarr");
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayoutNames.Parse(layout) }), target);

        Assert.Equal(["", "Thumbnail", "Macro", "Label"], image.Series.Select(series => series.Name));
        Assert.Equal([1, 2, 3], SeriesReference.SeriesFolders(target));
        foreach (var series in new[] { 1, 2, 3 })
        {
            Assert.Empty(SeriesReference.Mismatches(target, path, layout, series));
        }
    }

    private static string ExportNgff(string slide, string target)
    {
        using var image = new Image(slide).Open();
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff }), target);
        return target;
    }
}
