using System.Text.Json;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>
/// Given a slide file, <see cref="Image.Series"/> lists its images: series 0 (the image's own levels) and, for a TIFF
/// our reader reads, tifffile's other series by their number; OpenSlide's vendor slides list series 0 alone.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class ImageSeriesTests
{
    [Fact]
    public void A_tiff_of_two_series_lists_both_with_tifffiles_axes_shapes_and_chunk_sizes()
    {
        var path = SharedSlides.PathOf("smalltif.tif");
        using var image = new Image(path).Open();
        using var structure = JsonDocument.Parse(Python.RunOracle("tiff_structure.py", path));
        var tifffile = structure.RootElement.GetProperty("series").EnumerateArray().ToList();

        var series = image.Series;

        Assert.Equal([0, 1], series.Select(s => s.Index));
        Assert.Same(image.Levels, series[0].Levels);
        for (var index = 0; index < series.Count; index++)
        {
            var levels = tifffile[index].GetProperty("levels").EnumerateArray().ToList();
            Assert.Equal(levels.Count, series[index].Levels.Count);
            Assert.Equal(tifffile[index].GetProperty("axes").GetString(), series[index].Levels[0].Grid.Axes);
            for (var level = 0; level < levels.Count; level++)
            {
                Assert.Equal(levels[level].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), series[index].Levels[level].Grid.Shape.ToArray());
                var expected = levels[level].GetProperty("chunk_byte_counts").EnumerateArray().SelectMany(row => row.EnumerateArray().Select(d => d.GetInt64()));
                Assert.Equal(expected, image.GetChunkSizes(level, plane: 0, series: series[index].Index).Cast<long>());
            }
        }

        Assert.Equal("|u1", series[1].PixelFormat.NumpyDType);
        Assert.Null(series[1].Mpp);
    }

    [Theory]
    [InlineData("cmu-1-small-region.svs")]
    [InlineData("tcga-cr-7395.svs")]
    [InlineData("ndpi-dapi.ndpi")]
    [InlineData("boxes.tiff")]
    public void A_slide_of_one_image_or_an_openslide_vendor_slide_lists_series_0_alone(string slide)
    {
        using var image = new Image(SharedSlides.PathOf(slide)).Open();

        var series = Assert.Single(image.Series);

        Assert.Equal(0, series.Index);
        Assert.Equal(image.Levels.Count, series.Levels.Count);
    }

    [Fact]
    public void A_series_the_file_does_not_have_is_refused_by_name()
    {
        using var image = new Image(SharedSlides.PathOf("smalltif.tif")).Open();
        var chunk = new byte[image.Series[1].Levels[0].Grid.ChunkLength];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => image.ReadChunk(0, new ChunkCoordinates([0, 0, 0]), chunk, series: 2));
        image.ReadChunk(0, new ChunkCoordinates([0, 0, 0]), chunk, series: 1);

        Assert.Contains("has no series 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(chunk, value => value != 0);
    }

    [Fact]
    public void A_tiff_of_more_series_than_are_served_lists_the_first_ones_and_still_opens()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("many-series.tif");
        // Pages of as many widths, none a reduction of another: tifffile makes every page a series of its own.
        const string Code = """
            import sys, numpy, tifffile
            path, count = sys.stdin.read().split()
            with tifffile.TiffWriter(path) as tiff:
                for page in range(int(count)):
                    tiff.write(numpy.full((1, 1000 + page), page % 251, numpy.uint8), photometric="minisblack", metadata=None)
            """;
        Python.RunCode(Code, $"{path} {TiffBackend.MaxOtherSeries + 10}");

        using var image = new Image(path).Open();
        var series = image.Series;

        Assert.Equal(1 + TiffBackend.MaxOtherSeries, series.Count);
        Assert.Equal(TiffBackend.MaxOtherSeries, series[^1].Index);
        Assert.Equal([1L, 1001L], series[1].Levels[0].Grid.Shape.ToArray());
    }
}
