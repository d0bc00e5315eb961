using PadoFs.Images.Geometry;
using PadoFs.Images.Tests.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>Given a slide, GetArray hands out exactly openslide-python's pixels, whole levels and sub-regions alike.</summary>
[Trait("Category", "Oracles")]
public sealed class ImagePixelTests
{
    public static TheoryData<string> ReadableSlides => [.. SharedSlides.OpenSlideVendorSlides];

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Every_level_read_whole_equals_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var requests = image.Levels.Select(level => new RegionRequest(level.Index, 0, 0, (int)level.Width, (int)level.Height)).ToList();

        foreach (var expected in OpenSlideOracle.Regions(path, requests))
        {
            var request = expected.Request;
            var array = image.GetArray(IntPoint.Origin, new IntSize(request.Width, request.Height), request.Level);

            Assert.Equal((request.Height, request.Width, 3), (array.Height, array.Width, array.Samples));
            RgbAssert.Equal(expected.Rgb, array.Data, request.Width, $"{slide} level {request.Level}");
        }
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void Sub_regions_at_arbitrary_offsets_equal_openslide_python(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        using var image = new Image(path).Open();
        var random = new Random(slide.Length);
        var requests = new List<RegionRequest>();
        foreach (var level in image.Levels)
        {
            for (var i = 0; i < 3; i++)
            {
                var width = random.Next(1, (int)Math.Min(level.Width, 300) + 1);
                var height = random.Next(1, (int)Math.Min(level.Height, 300) + 1);
                var x = (long)(random.Next(-20, (int)level.Width) * level.Downsample);
                var y = (long)(random.Next(-20, (int)level.Height) * level.Downsample);
                requests.Add(new RegionRequest(level.Index, x, y, width, height));
            }
        }

        foreach (var expected in OpenSlideOracle.Regions(path, requests))
        {
            var request = expected.Request;
            var array = image.GetArray(new IntPoint(request.X, request.Y), new IntSize(request.Width, request.Height), request.Level);

            RgbAssert.Equal(expected.Rgb, array.Data, request.Width, $"{slide} {request.Spec}");
        }
    }

    [Fact]
    public void Chunks_of_a_level_are_the_stored_tiles_at_integer_downsamples()
    {
        var path = SharedSlides.PathOf("cmu-1-small-region.svs");
        using var image = new Image(path).Open();
        var level = image.Levels[0];
        var chunk = new byte[level.ChunkWidth * level.ChunkHeight * 3];
        image.ReadChunk(0, 2, 3, chunk);

        var region = image.GetArray(new IntPoint(3L * level.ChunkWidth, 2L * level.ChunkHeight), new IntSize(level.ChunkWidth, level.ChunkHeight), 0);

        Assert.Equal((240, 240), (level.ChunkWidth, level.ChunkHeight));
        RgbAssert.Equal(region.Data, chunk, level.ChunkWidth, "chunk (2, 3)");
    }

    [Fact]
    public void A_region_tagged_with_another_levels_mpp_is_refused()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var mpp0 = image.Mpp!.Value;

        var error = Assert.Throws<ArgumentException>(() => image.GetArray(IntPoint.Origin, new IntSize(10, 10, mpp0.Scale(4)), 0));

        Assert.Contains("level-0", error.Message, StringComparison.Ordinal);
    }
}
