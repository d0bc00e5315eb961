using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Errors;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>Given a slide exported as a zarr tree, zarr-python reads exactly the pixels the independent readers give.</summary>
[Trait("Category", "Oracles")]
public sealed class SlideExportTests
{
    public static TheoryData<string, string> SlidesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var slide in SharedSlides.OpenSlideReadable)
            {
                data.Add(slide, ZarrLayoutNames.Pado);
                data.Add(slide, ZarrLayoutNames.OmeNgff);
            }

            return data;
        }
    }

    public static TheoryData<string, string> SlidesAndLevelOpeners
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var slide in SharedSlides.OpenSlideReadable)
            {
                data.Add(slide, "fsstore");
                data.Add(slide, "plain");
            }

            return data;
        }
    }

    public static TheoryData<string> TiffSlides => ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs"];

    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void Every_level_read_by_zarr_python_equals_the_reference_reader(string slide, string layout) =>
        AssertEveryLevelIsTheReferences(slide, ZarrLayoutNames.Parse(layout), "group");

    [Theory]
    [MemberData(nameof(SlidesAndLevelOpeners))]
    public void Every_ome_ngff_level_opened_on_its_own_path_as_ome_zarr_py_does_equals_the_reference_reader(string slide, string open) =>
        AssertEveryLevelIsTheReferences(slide, ZarrLayout.OmeNgff, open);

    // The pado layout keeps tifffile's fill value 0, which xarray masks unless told not to.
    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void Xarray_reads_every_level_with_its_type_and_the_reference_pixels(string slide, string layout) =>
        AssertEveryLevelIsTheReferences(slide, ZarrLayoutNames.Parse(layout), layout == ZarrLayoutNames.OmeNgff ? "xarray" : "xarray-unmasked");

    [Theory]
    [MemberData(nameof(SlidesAndLayouts))]
    public void An_export_opens_through_its_consolidated_metadata_which_equals_its_documents(string slide, string layoutName)
    {
        var layout = ZarrLayoutNames.Parse(layoutName);
        using var folder = new TemporaryDirectory();
        var target = Export(SharedSlides.PathOf(slide), folder.File("slide.zarr"), layout);
        using var image = new Image(SharedSlides.PathOf(slide)).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = layout });

        var consolidated = ZarrOracle.CompareConsolidated(target);

        Assert.Equal(1, consolidated.Format);
        Assert.Empty(consolidated.Missing);
        Assert.Empty(consolidated.Different);
        Assert.Equal(store.EnumerateKeys().Count(key => key.EndsWith(".zgroup", StringComparison.Ordinal) || key.EndsWith(".zarray", StringComparison.Ordinal) || key.EndsWith(".zattrs", StringComparison.Ordinal)), consolidated.Documents);
        var arrays = Enumerable.Range(0, store.Levels.Count).Select(level => level.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(store.AssociatedNames.Select(name => layout == ZarrLayout.OmeNgff ? $"associated/{name}/0" : $"associated/{name}"));
        Assert.Equal(arrays.Order(StringComparer.Ordinal), consolidated.Arrays.Order(StringComparer.Ordinal));
        Assert.True(consolidated.Level0Equal);
    }

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void In_the_pado_layout_every_zarray_is_tifffiles(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions());

        var expected = ZarrOracle.TifffileZarrays(path);

        Assert.Equal(expected.Count, store.Levels.Count);
        for (var level = 0; level < expected.Count; level++)
        {
            Assert.Equal(expected[level], System.Text.Encoding.UTF8.GetString(store.ReadAll($"{level}/.zarray")));
        }
    }

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void The_ome_ngff_root_attributes_validate_against_the_plain_and_strict_schemas(string slide)
    {
        using var folder = new TemporaryDirectory();
        var target = Export(SharedSlides.PathOf(slide), folder.File("slide.zarr"), ZarrLayout.OmeNgff);

        var (image, strict) = ZarrOracle.ValidateNgff(Path.Combine(target, ".zattrs"));

        Assert.Empty(image);
        Assert.Empty(strict);
    }

    [Fact]
    public void In_the_ome_ngff_layout_every_associated_image_is_an_ngff_image_of_its_own_that_validates()
    {
        using var folder = new TemporaryDirectory();
        var target = Export(SharedSlides.PathOf("cmu-1-small-region.svs"), folder.File("slide.zarr"), ZarrLayout.OmeNgff);
        var groups = Directory.GetDirectories(Path.Combine(target, "associated"));

        Assert.Equal(["label", "macro", "thumbnail"], groups.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            var (image, strict) = ZarrOracle.ValidateNgff(Path.Combine(group, ".zattrs"));
            Assert.Empty(image);
            Assert.Empty(strict);
            Assert.True(File.Exists(Path.Combine(group, "0", ".zarray")), group);
        }
    }

    [Fact]
    public void The_root_attributes_carry_the_pado_record_and_scales_in_micrometres()
    {
        var path = SharedSlides.PathOf("cmu-1-small-region.svs");
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff, ImageId = ["site", "cmu"] });

        using var attributes = JsonDocument.Parse(store.ReadAll(".zattrs"));
        var root = attributes.RootElement;
        var multiscale = root.GetProperty("multiscales")[0];

        Assert.Equal("cmu", multiscale.GetProperty("name").GetString());
        Assert.Equal(["c", "y", "x"], multiscale.GetProperty("axes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("micrometer", multiscale.GetProperty("axes")[1].GetProperty("unit").GetString());
        var scale = multiscale.GetProperty("datasets")[0].GetProperty("coordinateTransformations")[0].GetProperty("scale");
        Assert.Equal([1, 0.499, 0.499], scale.EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(path, root.GetProperty("pado").GetProperty("urlpath").GetString());
        Assert.Equal(["site", "cmu"], root.GetProperty("pado").GetProperty("image_id").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void A_name_with_characters_xml_cannot_carry_still_gives_a_well_formed_ome_xml()
    {
        using var image = new Image(SharedSlides.PathOf("boxes.tiff")).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff, ImageId = ["site", "a\u0001b\u001fc.tiff"] });

        using var folder = new TemporaryDirectory();
        var document = folder.File("METADATA.ome.xml");
        File.WriteAllBytes(document, store.ReadAll("OME/METADATA.ome.xml"));

        var name = Python.RunCode(
            "import sys, xml.etree.ElementTree as E; print(ascii(E.parse(sys.stdin.read().strip()).getroot().find('{*}Image').get('Name')))",
            document);

        Assert.Equal("'a\\ufffdb\\ufffdc.tiff'", name.Trim());
    }

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void In_the_pado_layout_the_root_multiscales_are_tifffiles_and_claim_no_axes(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions { ImageId = ["site", "named"] });

        using var attributes = JsonDocument.Parse(store.ReadAll(".zattrs"));
        var multiscale = System.Text.Json.Nodes.JsonNode.Parse(attributes.RootElement.GetProperty("multiscales")[0].GetRawText())!.AsObject();
        using var tifffile = JsonDocument.Parse(Python.RunOracle("tifffile_group_attributes.py", path));

        Assert.Equal("named", multiscale["name"]!.GetValue<string>());
        Assert.False(multiscale.ContainsKey("axes"));
        Assert.True(attributes.RootElement.TryGetProperty("pado", out _));
        if (tifffile.RootElement.ValueKind == JsonValueKind.Null)
        {
            // tifffile gives a one-level series as an array, not a group.
            Assert.Single(store.Levels);
            return;
        }

        var expected = System.Text.Json.Nodes.JsonNode.Parse(tifffile.RootElement.GetProperty("multiscales")[0].GetRawText())!.AsObject();
        expected["name"] = "named";
        Assert.Equal(expected.ToJsonString(), multiscale.ToJsonString());
    }

    [Fact]
    public void A_slide_without_mpp_is_scaled_in_pixels()
    {
        using var image = new Image(SharedSlides.PathOf("tcga-cr-7395.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff });

        using var attributes = JsonDocument.Parse(store.ReadAll(".zattrs"));
        var multiscale = attributes.RootElement.GetProperty("multiscales")[0];

        Assert.All(multiscale.GetProperty("axes").EnumerateArray(), axis => Assert.False(axis.TryGetProperty("unit", out _)));
        var scale = multiscale.GetProperty("datasets")[1].GetProperty("coordinateTransformations")[0].GetProperty("scale");
        Assert.Equal(1.0, scale[0].GetDouble());
        Assert.Equal(3567.0 / 1783, scale[1].GetDouble(), 12);
        Assert.Equal(4443.0 / 2221, scale[2].GetDouble(), 12);
    }

    [Theory]
    [InlineData(ZarrLayoutNames.Pado, 2)]
    [InlineData(ZarrLayoutNames.OmeNgff, 2)]
    [InlineData(ZarrLayoutNames.Pado, 3)]
    [InlineData(ZarrLayoutNames.OmeNgff, 3)]
    public void The_store_and_its_export_agree_on_every_key_length_and_byte(string layout, int zarrFormat)
    {
        var path = SharedSlides.PathOf("boxes.tiff");
        using var folder = new TemporaryDirectory();
        var target = folder.File("boxes.zarr");
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayoutNames.Parse(layout), Format = ZarrFormat.Of(zarrFormat)! });
        ZarrDirectoryWriter.Write(store, target);

        var keys = store.EnumerateKeys().ToList();
        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(target, file).Replace('\\', '/'))
            .ToHashSet();

        Assert.Equal(files.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            var bytes = File.ReadAllBytes(Path.Combine(target, key));
            Assert.Equal(store.GetLength(key), bytes.Length);
            Assert.True(store.ReadAll(key).AsSpan().SequenceEqual(bytes), key);
        }
    }

    [Fact]
    public void A_slide_that_fails_to_decode_fails_its_chunk_reads_and_leaves_no_export_behind()
    {
        var path = SharedSlides.PathOf("unreadable.svs");
        using var folder = new TemporaryDirectory();
        var target = folder.File("unreadable.zarr");
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions());

        Assert.True(store.GetLength("0/.zarray") > 0);
        var error = Assert.Throws<SlideReadException>(() => store.ReadAll("0/0.0.0"));
        Assert.Contains("unreadable.svs", error.Message, StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => ZarrDirectoryWriter.Write(store, target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Export_refuses_to_overwrite_an_existing_folder()
    {
        using var folder = new TemporaryDirectory();
        using var image = new Image(SharedSlides.PathOf("small.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions());

        var error = Assert.Throws<IOException>(() => ZarrDirectoryWriter.Write(store, folder.Path));

        Assert.Contains("exists already", error.Message, StringComparison.Ordinal);
    }

    private static void AssertEveryLevelIsTheReferences(string slide, ZarrLayout layout, string open)
    {
        var path = SharedSlides.PathOf(slide);
        using var folder = new TemporaryDirectory();
        var target = Export(path, folder.File("slide.zarr"), layout);

        var levels = ZarrOracle.CompareWithReference(target, path, layout, open);

        using var image = new Image(path).Open();
        Assert.Equal(image.LevelCount, levels.Count);
        foreach (var (level, comparison) in levels)
        {
            Assert.Equal(comparison.ReferenceDType, comparison.DType);
            Assert.Equal(comparison.ReferenceShape, comparison.Shape);
            Assert.True(comparison.DifferingSamples == 0, $"{slide} level {level} ({layout}, {open}): {comparison.DifferingSamples} samples differ");
        }
    }

    private static string Export(string slide, string target, ZarrLayout layout)
    {
        using var image = new Image(slide).Open();
        ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = layout }), target);
        return target;
    }
}
