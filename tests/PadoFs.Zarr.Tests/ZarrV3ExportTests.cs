using System.Globalization;
using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// Given a slide exported as a zarr v3 tree, its documents are what OME-NGFF 0.5, tifffile and zarr-python 3's
/// consolidated metadata say they should be, and zarrita reads the reference pixels from it.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class ZarrV3ExportTests
{
    public static TheoryData<string, string> SlidesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var slide in SharedSlides.OpenSlideReadable.Append("smalltif.tif"))
            {
                data.Add(slide, ZarrLayoutNames.Pado);
                data.Add(slide, ZarrLayoutNames.OmeNgff);
            }

            return data;
        }
    }

    public static TheoryData<string> TiffSlides => ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs"];

    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void Every_zarr_json_is_a_v3_node_and_the_ome_ngff_root_validates_against_the_0_5_schemas(string slide, string layout)
    {
        using var folder = new TemporaryDirectory();
        var target = Export(slide, folder.File("slide.zarr"), layout);

        var check = ZarrTreeOracles.ValidateNgff05Tree(target);

        Assert.Empty(check.Errors);
        Assert.Equal(Directory.EnumerateFiles(target, "zarr.json", SearchOption.AllDirectories).Count(), check.Documents);
        Assert.Equal(layout == ZarrLayoutNames.OmeNgff ? 1 + ZarrTreeOracles.ImageGroupsBesideTheSlide(target) : 0, check.Images);
    }

    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void The_root_holds_every_other_nodes_zarr_json_as_consolidated_metadata(string slide, string layout)
    {
        using var folder = new TemporaryDirectory();
        var target = Export(slide, folder.File("slide.zarr"), layout);

        var check = ZarrTreeOracles.CompareV3Consolidated(target);

        Assert.Equal("inline", check.Kind);
        Assert.False(check.MustUnderstand);
        Assert.Empty(check.Missing);
        Assert.Empty(check.NotOnDisk);
        Assert.Empty(check.Different);
        Assert.Equal(Directory.EnumerateFiles(target, "zarr.json", SearchOption.AllDirectories).Count() - 1, check.Nodes);
    }

    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void Zarrita_reads_every_level_through_the_consolidated_metadata_with_the_reference_pixels(string slide, string layout)
    {
        using var folder = new TemporaryDirectory();
        var target = Export(slide, folder.File("slide.zarr"), layout);

        var reading = ZarrTreeOracles.ZarritaVsReference(target, SharedSlides.PathOf(slide), layout, consolidated: true);

        Assert.Equal(reading.ReferenceLevels, reading.DifferingSamples.Count);
        Assert.All(reading.DifferingSamples, level => Assert.True(level.Value == 0, $"{slide} level {level.Key} ({layout}): {reading.Levels[level.Key]}"));
        Assert.Contains("group /", reading.Contents!);
        Assert.Contains("array /0", reading.Contents!);
    }

    /// <summary>This machine's tifffile predates zarr v3; the oracle builds tifffile 2026.7's documents from what it gives.</summary>
    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void In_the_pado_layout_every_level_zarr_json_is_the_one_tifffile_writes_for_that_level(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Format = ZarrFormat.V3 });

        using var expected = JsonDocument.Parse(Python.RunOracle("tifffile_zarr_json.py", path));

        Assert.Equal(expected.RootElement.GetArrayLength(), store.Levels.Count);
        for (var level = 0; level < store.Levels.Count; level++)
        {
            Assert.Equal(expected.RootElement[level].GetString(), System.Text.Encoding.UTF8.GetString(store.ReadAll(string.Create(CultureInfo.InvariantCulture, $"{level}/zarr.json"))));
        }
    }

    /// <summary>tifffile's store of one level (<c>aszarr(level=L)</c>) is an array whose axes keep the series' names.</summary>
    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void A_v3_level_store_is_the_array_tifffile_writes_with_the_callers_attributes(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var plain = image.GetZarrStore(0, format: ZarrFormat.V3);
        var attributed = image.GetZarrStore(0, zattrs: new System.Text.Json.Nodes.JsonObject { ["b"] = 2, ["a"] = "x" }, format: ZarrFormat.V3);

        using var expected = JsonDocument.Parse(Python.RunOracle("tifffile_zarr_json.py", path));
        using var withAttributes = JsonDocument.Parse(attributed.ReadAll("zarr.json"));

        Assert.Equal(expected.RootElement[0].GetString(), System.Text.Encoding.UTF8.GetString(plain.ReadAll("zarr.json")));
        var attributes = withAttributes.RootElement.GetProperty("attributes");
        Assert.Equal(["a", "b"], attributes.EnumerateObject().Select(attribute => attribute.Name));
        Assert.Equal(("x", 2), (attributes.GetProperty("a").GetString(), attributes.GetProperty("b").GetInt32()));
        Assert.Equal(plain.EnumerateKeys().Skip(1), image.GetZarrStore(0).EnumerateKeys().Skip(2).Select(key => "c/" + key.Replace('.', '/')));
    }

    [Fact]
    public void The_ome_ngff_root_says_its_version_once_and_scales_in_micrometres()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff, Format = ZarrFormat.V3 });

        using var root = JsonDocument.Parse(store.ReadAll("zarr.json"));
        var ome = root.RootElement.GetProperty("attributes").GetProperty("ome");
        var multiscale = ome.GetProperty("multiscales")[0];

        Assert.Equal("0.5", ome.GetProperty("version").GetString());
        Assert.False(multiscale.TryGetProperty("version", out _));
        Assert.False(ome.GetProperty("omero").TryGetProperty("version", out _));
        Assert.Equal(["c", "y", "x"], multiscale.GetProperty("axes").EnumerateArray().Select(axis => axis.GetProperty("name").GetString()));
        Assert.Equal("micrometer", multiscale.GetProperty("axes")[2].GetProperty("unit").GetString());
        Assert.Equal(0.499, multiscale.GetProperty("datasets")[0].GetProperty("coordinateTransformations")[0].GetProperty("scale")[2].GetDouble());
        Assert.Equal(SharedSlides.PathOf("cmu-1-small-region.svs"), root.RootElement.GetProperty("attributes").GetProperty("pado").GetProperty("urlpath").GetString());
    }

    [Fact]
    public void Chunks_are_keyed_under_c_and_nothing_else_is_a_key()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var pado = new SlideStore(image, new SlideStoreOptions { Format = ZarrFormat.V3 });
        var ngff = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff, Format = ZarrFormat.V3 });

        Assert.Equal(240 * 240 * 3, pado.GetLength("0/c/12/9/0"));
        Assert.Equal(240 * 240 * 3, ngff.GetLength("0/c/0/12/9"));
        Assert.False(pado.ContainsKey("0/12/9/0"));
        Assert.False(pado.ContainsKey("0/12.9.0"));
        Assert.False(pado.ContainsKey("0/c/12/9/1"));
        Assert.False(ngff.ContainsKey("0/c/0/13/0"));
        Assert.False(pado.ContainsKey("0/.zarray"));
        Assert.True(pado.IsFolder("0/c"));
        Assert.True(pado.IsFolder("0/c/12/9"));
        Assert.False(pado.IsFolder("0/c/12/9/0"));
        Assert.False(pado.IsFolder("0/12"));
        Assert.Equal(["zarr.json", "c"], pado.List("0")!.Select(name => name.Name));
    }

    private static string Export(string slide, string target, string layout)
    {
        using var image = new Image(SharedSlides.PathOf(slide)).Open();
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayoutNames.Parse(layout), Format = ZarrFormat.V3 }), target);
        return target;
    }
}
