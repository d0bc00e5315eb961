using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Pixels read through the backend equal openslide-python's, composited by the documented rule.</summary>
[Trait("Category", "Oracles")]
public sealed class OpenSlideBackendPixelTests
{
    // Budgets far below the default, so that reads are split into many pieces along every path of RegionPlan.
    private const int BandedLevelPixels = 64 * 1024;
    private const int BandedRegionPixels = 1024;

    public static TheoryData<string> ReadableSlides => [.. SharedSlides.OpenSlideReadable];

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Whole_levels_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var levels = OpenSlideOracle.Info(path).Levels;
        var requests = levels
            .Select((level, index) => new RegionRequest(index, 0, 0, (int)level.Width, (int)level.Height))
            .ToList();
        var expected = OpenSlideOracle.Regions(path, requests);

        AssertReadsEqual(path, expected, OpenSlideBackend.DefaultBufferBytes / sizeof(uint));
        AssertReadsEqual(path, expected, BandedLevelPixels);
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Sub_regions_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var expected = OpenSlideOracle.Regions(path, SubRegions(OpenSlideOracle.Info(path)));

        AssertReadsEqual(path, expected, OpenSlideBackend.DefaultBufferBytes / sizeof(uint));
        AssertReadsEqual(path, expected, BandedRegionPixels);
    }

    [Fact]
    public void Partly_covered_pixels_at_level_edges_are_composited_over_the_background()
    {
        // Reads starting between level pixels make OpenSlide resample, and pixels beside the level's edge
        // come out partly transparent; whole levels read from the origin never do.
        var path = SharedSlides.PathOf("boxes.tiff");
        var expected = OpenSlideOracle.Regions(path,
        [
            new RegionRequest(1, 3, 5, 160, 130),
            new RegionRequest(2, 7, 9, 80, 70),
            new RegionRequest(3, 5, 3, 37, 31),
        ]);

        Assert.All(expected, region => Assert.True(region.Partial > 0, $"{region.Request.Spec} has no partly covered pixel"));
        AssertReadsEqual(path, expected, OpenSlideBackend.DefaultBufferBytes / sizeof(uint));
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Associated_images_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var expected = OpenSlideOracle.AssociatedImages(path);
        using var backend = OpenSlideBackend.Open(path);

        Assert.Equal(expected.Select(image => image.Name).Order(), backend.AssociatedImageNames.Order());
        foreach (var image in expected)
        {
            var actual = backend.ReadAssociatedImage(image.Name);
            Assert.Equal((image.Width, image.Height), (actual.Width, actual.Height));
            RgbAssert.Equal(image.Rgb, actual.Data, image.Width, $"{slide} associated image {image.Name}");
        }
    }

    private static void AssertReadsEqual(string path, List<OpenSlideOracle.RegionPixels> expected, int maxBufferPixels)
    {
        using var backend = OpenSlideBackend.Open(path, maxBufferPixels);
        foreach (var region in expected)
        {
            var request = region.Request;
            var actual = new byte[request.ByteCount];
            backend.ReadRegion(request.Level, request.X, request.Y, request.Width, request.Height, actual);
            RgbAssert.Equal(region.Rgb, actual, request.Width, $"{Path.GetFileName(path)} region {request.Spec} (buffer {maxBufferPixels} pixels)");
        }
    }

    private static List<RegionRequest> SubRegions(OpenSlideOracle.SlideInfo info)
    {
        var requests = new List<RegionRequest>();
        for (var level = 0; level < info.Levels.Count; level++)
        {
            var width = (int)info.Levels[level].Width;
            var height = (int)info.Levels[level].Height;
            var downsample = info.Levels[level].Downsample;

            // Inside the level, at an odd offset.
            requests.Add(new RegionRequest(level, 13, 7, Math.Min(width, 97), Math.Min(height, 61)));

            // Sticking out past the right and bottom edges.
            requests.Add(new RegionRequest(
                level,
                (long)((width - Math.Min(width, 20)) * downsample) + 3,
                (long)((height - Math.Min(height, 15)) * downsample) + 1,
                40,
                30));

            // Starting at negative coordinates, off and on the level's pixel grid.
            requests.Add(new RegionRequest(level, -29, -11, 60, 45));
            requests.Add(new RegionRequest(level, -(long)(8 * downsample), -(long)(4 * downsample), 50, 20));

            // Wholly outside the level.
            requests.Add(new RegionRequest(level, (long)(width * downsample) + 1000, 5, 8, 8));

            // Wider than one of OpenSlide's 4096-pixel cells, with the second cell inside the level.
            requests.Add(new RegionRequest(
                level,
                -(long)((RegionPlan.CellSize - (width / 2)) * downsample),
                3,
                RegionPlan.CellSize + (width / 2),
                Math.Min(height, 20)));
        }

        return requests;
    }
}
