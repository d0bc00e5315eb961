using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>Checks that a TIFF our reader reads is tifffile's series 0 (and an OpenSlide slide OpenSlide's levels), through an export and through the store.</summary>
internal static class TifffileAssertions
{
    /// <summary>Exports the slide in <paramref name="layout"/> and checks every level against the reference reader; returns the level count.</summary>
    public static int AssertEveryLevelExportedEqualsTheReference(string path, ZarrLayout layout)
    {
        using var folder = new TemporaryDirectory();
        var target = folder.File("slide.zarr");
        using (var image = new Image(path).Open())
        {
            ZarrDirectoryWriter.Write(new SlideStore(image, new SlideStoreOptions { Layout = layout }), target);
        }

        var levels = ZarrOracle.CompareWithReference(target, path, layout);
        foreach (var (level, comparison) in levels)
        {
            Assert.Equal(comparison.ReferenceDType, comparison.DType);
            Assert.Equal(comparison.ReferenceShape, comparison.Shape);
            Assert.True(comparison.DifferingSamples == 0, $"{Path.GetFileName(path)} level {level} ({layout}): {comparison.DifferingSamples} samples differ");
        }

        return levels.Count;
    }

    /// <summary>Checks that the pado layout has tifffile's levels, each with tifffile's <c>.zarray</c> and axis names.</summary>
    public static void AssertEveryZarrayAndAxisNameIsTifffiles(Image image, string path)
    {
        var store = new SlideStore(image, new SlideStoreOptions());
        var zarrays = ZarrOracle.TifffileZarrays(path);
        var dimensions = ZarrOracle.TifffileDimensions(path);

        Assert.Equal(zarrays.Count, store.Levels.Count);
        for (var level = 0; level < zarrays.Count; level++)
        {
            Assert.Equal(zarrays[level], System.Text.Encoding.UTF8.GetString(store.ReadAll($"{level}/.zarray")));
            using var attributes = JsonDocument.Parse(store.ReadAll($"{level}/.zattrs"));
            Assert.Equal(dimensions[level], attributes.RootElement.GetProperty("_ARRAY_DIMENSIONS").EnumerateArray().Select(d => d.GetString()!).ToArray());
        }
    }
}
