using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// Generated OME-TIFF pyramids in SubIFDs, planar RGB, RGBA, greyscale 8 and 16-bit, int16 and float32 pyramids, ZSTD
/// and WebP pyramids, with odd level sizes and downsamples that are not integers: every level exported equals tifffile's
/// (or, where Debian's tifffile has no codec, Pillow's libtiff or libvips reading that page) in shape, dtype and every
/// sample, and its <c>.zarray</c> and axis names are tifffile's.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffCorpusExportTests(TiffCorpus corpus) : IClassFixture<TiffCorpus>
{
    public static TheoryData<string> Names => TiffCorpus.Names;

    public static TheoryData<string, string> NamesAndLayouts => TiffCorpus.NamesAndLayouts;

    [Theory]
    [MemberData(nameof(NamesAndLayouts))]
    public void Every_level_equals_the_oracle_in_every_sample(string name, string layout)
    {
        var levels = TifffileAssertions.AssertEveryLevelExportedEqualsTheReference(corpus.PathOf(name), ZarrLayoutNames.Parse(layout));

        Assert.True(levels >= 3, $"{name}: {levels} levels");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_zarray_and_axis_name_is_tifffiles(string name)
    {
        using var image = new Image(corpus.PathOf(name)).Open();

        TifffileAssertions.AssertEveryZarrayAndAxisNameIsTifffiles(image, corpus.PathOf(name));
    }

    [Fact]
    public void An_ome_tiffs_channels_keep_their_names_colours_and_pixel_size_in_the_ome_ngff_layout()
    {
        using var folder = new TemporaryDirectory();
        var target = Export(corpus.PathOf("ome-cyx-uint16-subifds.ome.tif"), folder.File("slide.zarr"), ZarrLayout.OmeNgff);

        using var attributes = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(target, ".zattrs")));
        var root = attributes.RootElement;
        var channels = root.GetProperty("omero").GetProperty("channels").EnumerateArray().ToList();
        var multiscale = root.GetProperty("multiscales")[0];
        var scale = multiscale.GetProperty("datasets")[1].GetProperty("coordinateTransformations")[0].GetProperty("scale");
        var (image, strict) = ZarrOracle.ValidateNgff(Path.Combine(target, ".zattrs"));

        // Colours as the generator wrote them: OME's signed RGBA -16776961 is 0xFF0000FF, red.
        Assert.Equal(["DAPI", "CD3", "CD8", "PanCK"], channels.Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["FF0000", "00FF00", "0000FF", "FFFFFF"], channels.Select(c => c.GetProperty("color").GetString()));
        Assert.All(channels, c => Assert.Equal(65535, c.GetProperty("window").GetProperty("max").GetInt32()));
        Assert.Equal(["c", "y", "x"], multiscale.GetProperty("axes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal([1, 0.5 * 777 / 389, 0.5 * 1001 / 501], scale.EnumerateArray().Select(v => v.GetDouble()));
        Assert.Empty(image);
        Assert.Empty(strict);
    }

    private static string Export(string slide, string target, ZarrLayout layout)
    {
        using var image = new Image(slide).Open();
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = layout }), target);
        return target;
    }
}
