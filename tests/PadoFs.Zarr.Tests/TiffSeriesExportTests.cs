using PadoFs.Images;
using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>
/// A plain, OME or other non-vendor TIFF is tifffile's series 0: in the pado layout every level has tifffile's
/// shape, dtype, axis names and <c>.zarray</c>, and its pixels; in the ome-ngff layout the same pixels over (t, c, z, y, x).
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffSeriesExportTests
{
    private static readonly string[] s_tifffileSlides =
        ["qupath-cells-2c.ome.tif", "qupath-cells.ome.tif", "smalltif.tif", "boxes.tiff", "test_orient3.tif", "4D-series.ome.tiff", "qupath-cells-gray32.tif", "ojpeg-tile.tif"];

    public static TheoryData<string> TifffileSlides => new(s_tifffileSlides);

    /// <summary>
    /// The slides whose pixels are checked: those above and small_la.tiff (grey plus alpha in JPEG), whose .zarray is
    /// not tifffile's: along its one row tifffile makes chunks 1 high, where ours are the stored tile's 256.
    /// </summary>
    private static string[] PixelSlides => [.. s_tifffileSlides, "small_la.tiff"];

    public static TheoryData<string, ZarrLayout> TifffileSlidesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, ZarrLayout>();
            foreach (var slide in PixelSlides)
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

        Assert.Equal("tiff", image.PadoInfo.PadoImageBackend);
        TifffileAssertions.AssertEveryZarrayAndAxisNameIsTifffiles(image, path);
    }

    [Theory]
    [MemberData(nameof(TifffileSlidesAndLayouts))]
    public void Every_level_exported_equals_tifffiles_level(string slide, ZarrLayout layout)
    {
        var path = SharedSlides.PathOf(slide);

        var levels = TifffileAssertions.AssertEveryLevelExportedEqualsTheReference(path, layout);

        Assert.Equal(ZarrOracle.TifffileZarrays(path).Count, levels);
    }
}
