using System.Globalization;
using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Images.Pixels;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Levels, properties, associated images and the library version agree with openslide-python.</summary>
[Trait("Category", "Oracles")]
public sealed class OpenSlideBackendMetadataTests
{
    public static TheoryData<string> ReadableSlides => [.. SharedSlides.OpenSlideReadable];

    public static TheoryData<string> TiffFiles => [.. SharedSlides.TiffFiles, "broken.svs"];

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Levels_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var expected = OpenSlideOracle.Info(path);
        using var backend = OpenSlideBackend.Open(path);

        Assert.Equal(expected.Levels.Count, backend.Levels.Count);
        for (var level = 0; level < expected.Levels.Count; level++)
        {
            var actual = backend.Levels[level];
            Assert.Equal(expected.Levels[level].Width, actual.Width);
            Assert.Equal(expected.Levels[level].Height, actual.Height);
            Assert.Equal(expected.Levels[level].Downsample, actual.Downsample);
            Assert.Equal(TileSide(expected.Properties, level, "width"), actual.TileWidth);
            Assert.Equal(TileSide(expected.Properties, level, "height"), actual.TileHeight);
        }
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Properties_and_associated_image_names_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var expected = OpenSlideOracle.Info(path);
        using var backend = OpenSlideBackend.Open(path);

        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), backend.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.AssociatedImages.Keys.Order(), backend.AssociatedImageNames.Order());
        Assert.Equal(expected.Vendor, backend.Properties["openslide.vendor"]);
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Backend_is_named_openslide_with_the_library_version_and_rgb_pixels(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var backend = OpenSlideBackend.Open(path);

        Assert.Equal("openslide", backend.Name);
        Assert.Equal(OpenSlideOracle.Info(path).LibraryVersion, backend.Version);
        Assert.Equal(PixelFormat.Rgb8, backend.PixelFormat);
    }

    [Theory]
    [MemberData(nameof(TiffFiles))]
    public void Detected_vendor_equals_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);

        Assert.Equal(OpenSlideOracle.Errors(path).Vendor, OpenSlideBackend.DetectVendor(path));
    }

    private static int TileSide(IReadOnlyDictionary<string, string> properties, int level, string side) =>
        properties.TryGetValue($"openslide.level[{level}].tile-{side}", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
}
