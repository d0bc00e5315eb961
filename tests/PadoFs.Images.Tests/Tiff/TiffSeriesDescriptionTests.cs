using System.Text;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>
/// Given shaped and ImageJ descriptions, well formed or not, when the reader identifies the series, then it gives what
/// Debian's tifffile 2023.2 gives for the same file: the described series, or, where the description is broken or its
/// counts do not fit the pages, the generic series (where tifffile itself raises, on JSON it cannot parse or counts that
/// are no numbers, the generic series too); the reader never throws.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TiffSeriesDescriptionTests
{
    private const int Side = 8;

    // Three 8 x 8 uint8 pages, the description on the first; tifffile's series 0 (kind, axes, shape) for each.
    public static TheoryData<string, string, string, long[]> Descriptions => new()
    {
        { "{\"shape\": [3, 8, 8]}", "shaped", "QYX", [3, 8, 8] },
        { "{\"shape\": [3, 8, 8], \"axes\": \"ZYX\"}", "shaped", "ZYX", [3, 8, 8] },
        { "{\"shape\": [3, 1, 8, 8], \"axes\": \"CZYX\"}", "shaped", "CZYX", [3, 1, 8, 8] },
        { "{\"shape\": [3, 8, 8], \"axes\": \"YX\"}", "shaped", "QYX", [3, 8, 8] },
        { "shape=(3, 8, 8)", "shaped", "QYX", [3, 8, 8] },
        { "{\"shape\": [3,}", "generic", "IYX", [3, 8, 8] },
        { "{\"shape\": \"abc\"}", "generic", "IYX", [3, 8, 8] },
        { "{\"shape\": [3, 8, 8], \"axes\": 5}", "generic", "IYX", [3, 8, 8] },
        { "{\"shape\": [2, 8, 8]}", "generic", "IYX", [3, 8, 8] },
        { "{\"shape\": [3, 8, 7]}", "generic", "IYX", [3, 8, 8] },
        { "{\"shape\": [2.5, 8, 8]}", "generic", "IYX", [3, 8, 8] },
        { "shape=(3, x)", "generic", "IYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=3\nslices=3\n", "imagej", "ZYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=3\nframes=3\n", "imagej", "TYX", [3, 8, 8] },
        { "ImageJ=1.11a\n", "imagej", "IYX", [3, 8, 8] },
        { "ImageJ=1.11a\nslices=3.0\n", "imagej", "ZYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=50\nslices=50\n", "generic", "IYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=3\nslices=abc\n", "generic", "IYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=3\nslices=0\n", "generic", "IYX", [3, 8, 8] },
        { "ImageJ=1.11a\nimages=3\nchannels=-2\n", "generic", "IYX", [3, 8, 8] },
        { "ImageJ=1=2\nslices=3\n", "generic", "IYX", [3, 8, 8] },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void The_series_is_tifffiles(string description, string kind, string axes, long[] shape)
    {
        using var folder = new TemporaryDirectory();

        using var file = TiffFile.Open(Pages(folder.File("pages.tif"), description, 3));

        var series = Assert.Single(file.Series);
        Assert.Equal((kind, axes), (series.Kind, series.Axes));
        Assert.Equal(shape, series.Shape);
        Assert.Equal(3, series.LevelPlanes[0].Count);
    }

    [Theory]
    [InlineData("QYX", new long[] { 15, 97, 131 }, new long[] { 3, 5, 97, 131 }, "QQYX")]
    [InlineData("YXS", new long[] { 219, 301, 1 }, new long[] { 219, 301 }, "YX")]
    [InlineData("IYX", new long[] { 12, 219, 301 }, new long[] { 3, 4, 219, 1, 301, 1 }, "QQYQXQ")]
    [InlineData("YX", new long[] { 97, 131 }, new long[] { 97, 131, 1 }, "YXQ")]
    [InlineData("YX", new long[] { 97, 131 }, new long[] { 1, 97, 131 }, "QYX")]
    public void Axes_are_carried_over_to_a_new_shape_as_tifffile_reshapes_them(string axes, long[] shape, long[] newShape, string expected) =>
        Assert.Equal(expected, ShapedSeries.ReshapeAxes(axes, shape, newShape));

    [Fact]
    public void Axes_of_a_shape_of_another_size_are_not_carried_over() =>
        Assert.Null(ShapedSeries.ReshapeAxes("YX", [97, 131], [2, 97, 131]));

    [Fact]
    public void A_shaped_series_of_more_planes_than_pages_holds_the_first_page_and_refuses_to_open_as_a_slide()
    {
        using var folder = new TemporaryDirectory();
        var path = Pages(folder.File("pages.tif"), "{\"shape\": [5, 8, 8]}", 3);

        using var file = TiffFile.Open(path);
        var error = Assert.Throws<Errors.SlideFormatException>(() => Backends.Tiff.TiffBackend.Open(path));

        Assert.Equal(("shaped", "QYX"), (file.Series[0].Kind, file.Series[0].Axes));
        Assert.Equal([5, 8, 8], file.Series[0].Shape);
        Assert.Contains("5 planes is stored in 1 pages", error.Message, StringComparison.Ordinal);
    }

    // Uncompressed 8 x 8 strips, one per page, back to back after the description; then the IFDs.
    private static string Pages(string path, string description, int count)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new HandmadeTiff(firstIfdOffset: (uint)(8 + text.Length + (text.Length % 2) + (count * Side * Side)));
        var descriptionOffset = tiff.Data(text);
        var pixels = new byte[count * Side * Side];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7);
        }

        var pixelOffset = tiff.Data(pixels);
        for (var page = 0; page < count; page++)
        {
            var entries = HandmadeTiff.Image(Side, Side).ToList();
            var strip = entries.FindIndex(e => e.Code == TiffTagCode.StripOffsets);
            entries[strip] = (TiffTagCode.StripOffsets, TiffTagType.Long, 1, pixelOffset + (uint)(page * Side * Side));
            if (page == 0)
            {
                entries.Insert(strip, (TiffTagCode.ImageDescription, TiffTagType.Ascii, (uint)text.Length, descriptionOffset));
            }

            var next = page + 1 < count ? tiff.Length + 2 + (12 * (uint)entries.Count) + 4 : 0;
            tiff.Ifd(entries, next);
        }

        return tiff.WriteTo(path);
    }
}
