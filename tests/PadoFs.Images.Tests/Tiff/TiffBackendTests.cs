using System.Globalization;
using System.Text.Json;
using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

[Trait("Category", "Oracles")]
public sealed class TiffBackendTests(TiffEdgeCaseFiles files) : IClassFixture<TiffEdgeCaseFiles>
{
    public static TheoryData<string> EdgeCases => TiffEdgeCaseFiles.NameData;

    public static TheoryData<string> DecodableSlides => new("smalltif.tif", "boxes.tiff");

    [Theory]
    [MemberData(nameof(DecodableSlides))]
    public void Every_level_of_a_real_slide_equals_the_independent_reader(string name) =>
        AssertEveryLevelEqualsOracle(SharedSlides.PathOf(name));

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Every_level_of_an_edge_case_equals_the_independent_reader(string name) =>
        AssertEveryLevelEqualsOracle(files.PathOf(name));

    [Theory]
    [InlineData("boxes.tiff")]
    [InlineData("smalltif.tif")]
    [InlineData("planar-separate-strips-uint16.tif")]
    [InlineData("big-endian-bigtiff-tiled-uint16.tif")]
    [InlineData("subifd-pyramid.tif")]
    [InlineData("strips-pyramid.tif")]
    [InlineData("pillow-lzw-predictor-rgb.tif")]
    public void Regions_at_odd_offsets_and_across_the_edges_equal_the_independent_reader(string name)
    {
        var path = SharedSlides.TiffFiles.Contains(name) ? SharedSlides.PathOf(name) : files.PathOf(name);
        using var backend = TiffBackend.Open(path);
        var random = new Random(7);
        for (var level = 0; level < backend.Levels.Count; level++)
        {
            var expected = OracleImage.Decode(path, 0, level);
            var downsample = backend.Levels[level].Downsample;
            for (var i = 0; i < 12; i++)
            {
                var (x, y) = (random.Next(-20, expected.Width + 5), random.Next(-20, expected.Height + 5));
                var (width, height) = (random.Next(1, expected.Width + 30), random.Next(1, expected.Height + 30));
                var actual = new byte[width * height * backend.PixelFormat.BytesPerPixel];

                // Level coordinates times the downsample, rounded up, map back to the same level pixel.
                backend.ReadRegion(level, (long)Math.Ceiling(x * downsample), (long)Math.Ceiling(y * downsample), width, height, actual);

                Assert.True(expected.Crop(x, y, width, height).AsSpan().SequenceEqual(actual), $"level {level}, region ({x}, {y}) {width} x {height}");
            }
        }
    }

    [Fact]
    public void Reads_from_many_threads_at_once_give_the_same_pixels()
    {
        using var backend = TiffBackend.Open(SharedSlides.PathOf("smalltif.tif"));
        var regions = Enumerable.Range(0, 64).Select(i => (X: (i * 37) % 600, Y: (i * 53) % 450, Width: 31 + i, Height: 17 + i)).ToArray();
        var bytesPerPixel = backend.PixelFormat.BytesPerPixel;
        byte[] Read((int X, int Y, int Width, int Height) r)
        {
            var pixels = new byte[r.Width * r.Height * bytesPerPixel];
            backend.ReadRegion(0, r.X, r.Y, r.Width, r.Height, pixels);
            return pixels;
        }

        var sequential = regions.Select(Read).ToArray();
        var parallel = new byte[regions.Length][];
        Parallel.For(0, regions.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % regions.Length] = Read(regions[i % regions.Length]));

        for (var i = 0; i < regions.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void Levels_downsamples_and_tiff_properties_equal_openslide_for_a_generic_tiff()
    {
        var path = SharedSlides.PathOf("boxes.tiff");
        using var expected = JsonDocument.Parse(Python.RunOracle("tiff_openslide_view.py", path));
        var root = expected.RootElement;

        using var backend = TiffBackend.Open(path);

        var dimensions = root.GetProperty("dimensions").EnumerateArray().Select(d => (d[0].GetInt64(), d[1].GetInt64()));
        Assert.Equal(dimensions, backend.Levels.Select(l => (l.Width, l.Height)));
        var downsamples = root.GetProperty("downsamples").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        Assert.Equal(downsamples.Length, backend.Levels.Count);
        for (var i = 0; i < downsamples.Length; i++)
        {
            Assert.Equal(downsamples[i], backend.Levels[i].Downsample, 1e-12);
        }

        var tiffProperties = root.GetProperty("tiff_properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(tiffProperties.OrderBy(p => p.Key), backend.Properties.Where(p => p.Key.StartsWith("tiff.", StringComparison.Ordinal)).OrderBy(p => p.Key).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
    }

    [Fact]
    public void Mpp_comes_from_a_microscope_resolution_and_its_stated_unit()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("scan.tif");
        Python.RunCode(
            "import sys, numpy, tifffile; tifffile.imwrite(sys.stdin.read().strip(), numpy.zeros((64, 64, 3), numpy.uint8), "
            + "photometric='rgb', resolution=(40000, 20000), resolutionunit='CENTIMETER')",
            path);

        using var backend = TiffBackend.Open(path);

        Assert.Equal("centimeter", backend.Properties["tiff.ResolutionUnit"]);
        Assert.Equal(0.25, double.Parse(backend.Properties[SlidePropertyNames.MppX], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(0.5, double.Parse(backend.Properties[SlidePropertyNames.MppY], CultureInfo.InvariantCulture), 1e-9);
        Assert.False(backend.Properties.ContainsKey(SlidePropertyNames.Vendor));
    }

    [Fact]
    public void A_screen_resolution_is_no_mpp()
    {
        using var backend = TiffBackend.Open(SharedSlides.PathOf("boxes.tiff"));

        Assert.Equal("centimeter", backend.Properties["tiff.ResolutionUnit"]);
        Assert.True(double.Parse(backend.Properties["tiff.XResolution"], CultureInfo.InvariantCulture) < 400);
        Assert.False(backend.Properties.ContainsKey(SlidePropertyNames.MppX));
        Assert.False(backend.Properties.ContainsKey(SlidePropertyNames.MppY));
    }

    [Fact]
    public void Smalltif_is_a_16_bit_grayscale_level_with_strip_rows_as_tiles()
    {
        using var backend = TiffBackend.Open(SharedSlides.PathOf("smalltif.tif"));

        Assert.Equal("tiff", backend.Name);
        Assert.False(string.IsNullOrEmpty(backend.Version));
        Assert.Equal(new PixelFormat(1, PixelType.UInt16), backend.PixelFormat);
        Assert.Single(backend.Levels);
        Assert.Equal(backend.Series.Levels[0].ChunkWidth, backend.Levels[0].TileWidth);
        Assert.Equal(backend.Series.Levels[0].RowsPerStrip, backend.Levels[0].TileHeight);
        Assert.Empty(backend.AssociatedImageNames);
    }

    [Fact]
    public void Associated_images_of_an_svs_layout_equal_the_independent_reader()
    {
        var path = files.PathOf("aperio-like.svs");
        using var backend = TiffBackend.Open(path);

        Assert.Equal(["thumbnail", "label", "macro"], backend.AssociatedImageNames);
        for (var series = 1; series <= 3; series++)
        {
            var expected = OracleImage.Decode(path, series, 0);
            var actual = backend.ReadAssociatedImage(backend.AssociatedImageNames[series - 1]);
            Assert.Equal((expected.Height, expected.Width), (actual.Height, actual.Width));
            Assert.Equal(expected.Data, actual.Data);
        }
    }

    [Fact]
    public void An_unsupported_compression_is_named_when_opening()
    {
        var path = SharedSlides.PathOf("unopenable.tiff");

        var error = Assert.Throws<SlideFormatException>(() => TiffBackend.Open(path));

        Assert.Contains("unsupported TIFF compression 52479", error.Reason, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_and_jpeg_2000_slides_read_as_openslide_reads_them()
    {
        foreach (var slide in new[] { "cmu-1-small-region.svs", "tcga-cr-7395.svs" })
        {
            var path = SharedSlides.PathOf(slide);
            using var backend = TiffBackend.Open(path);
            var requests = backend.Levels.Select((level, index) => new OpenSlide.RegionRequest(index, 0, 0, (int)level.Width, (int)level.Height)).ToList();

            foreach (var expected in OpenSlide.OpenSlideOracle.Regions(path, requests))
            {
                var request = expected.Request;
                var pixels = new byte[request.ByteCount];
                backend.ReadRegion(request.Level, 0, 0, request.Width, request.Height, pixels);
                OpenSlide.RgbAssert.Equal(expected.Rgb, pixels, request.Width, $"{slide} level {request.Level}");
            }
        }
    }

    [Fact]
    public void A_file_that_is_not_tiff_is_a_format_error_naming_the_file()
    {
        var path = SharedSlides.PathOf("broken.svs");

        var error = Assert.Throws<SlideFormatException>(() => TiffBackend.Open(path));

        Assert.Contains("not a TIFF file", error.Reason, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        Assert.Throws<SlideNotFoundException>(() => TiffBackend.Open(files.PathOf("no-such-file.tif")));
    }

    [Fact]
    public void A_truncated_chunk_is_a_read_error_for_that_read_only()
    {
        var source = files.PathOf("strips-rgb-uncompressed.tif");
        var path = files.PathOf("truncated-strips.tif");
        long lastStrip;
        using (var intact = TiffBackend.Open(source))
        {
            lastStrip = intact.Series.Levels[0].DataOffsets[^1];
        }

        File.WriteAllBytes(path, File.ReadAllBytes(source)[..(int)(lastStrip + 10)]);
        using var backend = TiffBackend.Open(path);
        var level = backend.Levels[0];
        var pixels = new byte[(int)level.Width * 4 * backend.PixelFormat.BytesPerPixel];

        backend.ReadRegion(0, 0, 0, (int)level.Width, 4, pixels);
        var error = Assert.Throws<SlideReadException>(() => backend.ReadRegion(0, 0, level.Height - 4, (int)level.Width, 4, pixels));

        Assert.Contains("level 0", error.Reason, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void AssertEveryLevelEqualsOracle(string path)
    {
        using var backend = TiffBackend.Open(path);
        for (var level = 0; level < backend.Levels.Count; level++)
        {
            var expected = OracleImage.Decode(path, 0, level);
            var slideLevel = backend.Levels[level];
            Assert.Equal((expected.Height, expected.Width), ((int)slideLevel.Height, (int)slideLevel.Width));
            Assert.Equal(expected.PixelBytes, backend.PixelFormat.BytesPerPixel);
            var actual = new byte[expected.Data.Length];

            backend.ReadRegion(level, 0, 0, expected.Width, expected.Height, actual);

            Assert.True(expected.Data.AsSpan().SequenceEqual(actual), $"level {level} differs");
        }
    }
}
