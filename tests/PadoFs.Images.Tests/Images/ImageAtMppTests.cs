using System.Text.Json;
using PadoFs.Images.Geometry;
using PadoFs.Images.Records;
using PadoFs.Images.Tests.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>Reading at a resolution: from the closest level not coarser than the target, resampled bilinearly.</summary>
[Trait("Category", "Oracles")]
public sealed class ImageAtMppTests
{
    [Fact]
    public void At_a_levels_own_mpp_the_array_is_that_levels_pixels()
    {
        using var image = Image.FromRecord(new ImageRecord { Urlpath = SharedSlides.PathOf("tcga-cr-7395.svs"), MppX = 0.25, MppY = 0.25 }).Open();
        Assert.Equal((0.25, 0.25), (image.Metadata.MppX, image.Metadata.MppY));
        var level1Mpp = image.Mpp!.Value.Scale(image.Levels[1].Downsample);

        var atMpp = image.GetArrayAtMpp(new IntPoint(300, 200, level1Mpp), new IntSize(256, 128, level1Mpp), level1Mpp);
        var atLevel = image.GetArray(new IntPoint((long)Math.Round(300 * image.Levels[1].Downsample), (long)Math.Round(200 * image.Levels[1].Downsample)), new IntSize(256, 128), 1);

        RgbAssert.Equal(atLevel.Data, atMpp.Data, 256, "level 1 at its own mpp");
    }

    [Fact]
    public void Between_levels_the_finer_level_is_read_and_resized_bilinearly()
    {
        var path = SharedSlides.PathOf("cmu-1-small-region.svs");
        using var image = new Image(path).Open();
        var mpp0 = image.Mpp!.Value;
        var target = Mpp.FromDouble(mpp0.X * 1.6);

        var array = image.GetArrayAtMpp(new IntPoint(100, 150, target), new IntSize(200, 120, target), target);

        // The source: level 0 from the same origin, 200 * 1.6 by 120 * 1.6 pixels.
        var x0 = (long)Math.Round(100 * 1.6);
        var y0 = (long)Math.Round(150 * 1.6);
        var source = OpenSlideOracle.Regions(path, [new RegionRequest(0, x0, y0, 320, 192)])[0].Rgb;
        var expected = BilinearReference(source, 320, 192, 200, 120);
        Assert.Equal((120, 200), (array.Height, array.Width));
        var largest = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(expected[i] - array.Data[i]));
        }

        Assert.True(largest <= 1, $"differs from the bilinear reference by up to {largest}");
    }

    [Fact]
    public void A_slide_without_mpp_opens_and_reads_by_level_but_not_at_an_mpp()
    {
        using var image = new Image(SharedSlides.PathOf("tcga-cr-7395.svs")).Open();

        Assert.Null(image.Metadata.MppX);
        Assert.Null(image.Mpp);
        Assert.Equal(16, image.GetArray(IntPoint.Origin, new IntSize(4, 4), 1).Data.Length / 3);
        var error = Assert.Throws<InvalidOperationException>(() =>
            image.GetArrayAtMpp(IntPoint.Origin, new IntSize(8, 8), Mpp.FromDouble(1)));
        Assert.Contains("tcga-cr-7395.svs", error.Message, StringComparison.Ordinal);
        Assert.Contains("no resolution (mpp)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_records_mpp_wins_over_the_slides()
    {
        var path = SharedSlides.PathOf("cmu-1-small-region.svs");
        using var image = Image.FromRecord(new ImageRecord { Urlpath = path, MppX = 0.3, MppY = 0.31 }).Open();

        Assert.Equal(0.3, image.Metadata.MppX);
        Assert.Equal(0.31, image.Metadata.MppY);
        Assert.Equal(0.3, image.ToRecord().MppX);
    }

    [Fact]
    public void A_target_finer_than_level_0_is_refused_with_the_finest_mpp()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            image.GetArrayAtMpp(IntPoint.Origin, new IntSize(8, 8), Mpp.FromDouble(0.1)));

        Assert.Contains("no level as fine as", error.Message, StringComparison.Ordinal);
    }

    private static byte[] BilinearReference(byte[] source, int sourceWidth, int sourceHeight, int width, int height)
    {
        // OpenCV's INTER_LINEAR, written independently in numpy.
        const string Code = """
            import sys, json, numpy as np
            a = json.loads(sys.stdin.read())
            src = np.frombuffer(bytes(a["data"]), dtype=np.uint8).reshape(a["sh"], a["sw"], 3).astype(np.float64)
            def taps(n_src, n_dst):
                pos = np.clip((np.arange(n_dst) + 0.5) * n_src / n_dst - 0.5, 0, n_src - 1)
                lo = np.floor(pos).astype(int)
                return lo, np.minimum(lo + 1, n_src - 1), pos - lo
            x0, x1, wx = taps(a["sw"], a["w"])
            y0, y1, wy = taps(a["sh"], a["h"])
            top = src[y0][:, x0] * (1 - wx)[None, :, None] + src[y0][:, x1] * wx[None, :, None]
            bottom = src[y1][:, x0] * (1 - wx)[None, :, None] + src[y1][:, x1] * wx[None, :, None]
            out = top * (1 - wy)[:, None, None] + bottom * wy[:, None, None]
            sys.stdout.write(json.dumps(np.floor(out + 0.5).clip(0, 255).astype(int).ravel().tolist()))
            """;
        var input = JsonSerializer.Serialize(new { data = source.Select(b => (int)b), sw = sourceWidth, sh = sourceHeight, w = width, h = height });
        return JsonSerializer.Deserialize<int[]>(Python.RunCode(Code, input))!.Select(v => (byte)v).ToArray();
    }
}
