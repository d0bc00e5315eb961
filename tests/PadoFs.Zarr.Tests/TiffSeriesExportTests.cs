using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// A plain, OME or other non-vendor TIFF is tifffile's series 0: in the pado layout every level has tifffile's
/// shape, dtype, axis names and <c>.zarray</c>, and its pixels; in the ome-ngff layout the same pixels over (t, c, z, y, x).
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffSeriesExportTests
{
    public static TheoryData<string> TifffileSlides =>
        ["qupath-cells-2c.ome.tif", "qupath-cells.ome.tif", "smalltif.tif", "boxes.tiff", "test_orient3.tif"];

    public static TheoryData<string, ZarrLayout> TifffileSlidesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, ZarrLayout>();
            foreach (var slide in TifffileSlides)
            {
                data.Add(slide, ZarrLayout.Pado);
                data.Add(slide, ZarrLayout.OmeNgff);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TifffileSlides))]
    public void The_slide_opens_with_the_tiff_reader_and_every_zarray_and_axis_name_is_tifffiles(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var store = new SlideStore(image, new SlideStoreOptions());

        var zarrays = ZarrOracle.TifffileZarrays(path);
        var dimensions = ZarrOracle.TifffileDimensions(path);

        Assert.Equal("tiff", image.PadoInfo.PadoImageBackend);
        Assert.Equal(zarrays.Count, store.Levels.Count);
        for (var level = 0; level < zarrays.Count; level++)
        {
            Assert.Equal(zarrays[level], System.Text.Encoding.UTF8.GetString(store.ReadAll($"{level}/.zarray")));
            using var attributes = JsonDocument.Parse(store.ReadAll($"{level}/.zattrs"));
            Assert.Equal(dimensions[level], attributes.RootElement.GetProperty("_ARRAY_DIMENSIONS").EnumerateArray().Select(d => d.GetString()!).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(TifffileSlidesAndLayouts))]
    public void Every_level_exported_equals_tifffiles_level(string slide, ZarrLayout layout)
    {
        var path = SharedSlides.PathOf(slide);
        using var folder = new TemporaryDirectory();
        var target = folder.File("slide.zarr");
        using (var image = new Image(path).Open())
        {
            ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = layout }), target);
        }

        var levels = ZarrOracle.CompareWithReference(target, path, layout);

        Assert.Equal(ZarrOracle.TifffileZarrays(path).Count, levels.Count);
        foreach (var (level, comparison) in levels)
        {
            Assert.Equal(comparison.ReferenceDType, comparison.DType);
            Assert.Equal(comparison.ReferenceShape, comparison.Shape);
            Assert.True(comparison.DifferingSamples == 0, $"{slide} level {level} ({layout}): {comparison.DifferingSamples} samples differ");
        }
    }
}
