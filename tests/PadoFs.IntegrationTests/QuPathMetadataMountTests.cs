using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared slides mounted by the padofs daemon in the ome-ngff layout, then the OME-XML that Bio-Formats'
/// OME-Zarr reader (QuPath's) reads is valid against the OME schema and describes each slide as openslide-python
/// does: level 0's size, the mpp as the pixel size in µm, and the red, green and blue channels QuPath takes as
/// RGB; and that reader's first image is the slide, every other one an associated image its document describes.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class QuPathMetadataMountTests
{
    private const string Calibrated = "calibrated";
    private const double CalibratedMppX = 0.2527;
    private const double CalibratedMppY = 0.2531;

    private static readonly string[] s_openSlideSlides = ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs"];
    private static readonly (string Name, int[] Rgba)[] s_rgb = [("Red", [255, 0, 0, 255]), ("Green", [0, 255, 0, 255]), ("Blue", [0, 0, 255, 255])];

    [Fact]
    public void Every_slides_ome_xml_is_schema_valid_with_openslides_size_and_mpp_in_micrometres_and_rgb_channels() =>
        ForEveryOpenSlideSlide((slide, root) =>
        {
            Assert.Empty(root.GetProperty("schema_errors").EnumerateArray());
            var image = root.GetProperty("images")[0];
            var reference = root.GetProperty("reference");
            Assert.Equal(slide, image.GetProperty("name").GetString());
            AssertSize(image, reference.GetProperty("width").GetInt32(), reference.GetProperty("height").GetInt32(), channels: 3);
            Assert.Equal("uint8", image.GetProperty("type").GetString());
            AssertChannels(image, s_rgb);
            if (reference.GetProperty("mpp").ValueKind == JsonValueKind.Null)
            {
                AssertNoPixelSize(image);
            }
            else
            {
                AssertPixelSize(image, reference.GetProperty("mpp")[0].GetDouble(), reference.GetProperty("mpp")[1].GetDouble());
            }
        });

    [Fact]
    public void A_config_records_mpp_is_the_pixel_size_of_a_slide_whose_file_has_none()
    {
        const string Slide = "tcga-cr-7395.svs";
        object[] images =
        [
            new { urlpath = SharedSlides.PathOf(Slide) },
            new { image_id = new[] { Calibrated, Slide }, urlpath = SharedSlides.PathOf(Slide), mpp_x = CalibratedMppX, mpp_y = CalibratedMppY },
        ];
        using var daemon = MountedDaemon.Start(images, "ome-ngff");

        using var plain = ReadOmeXml(daemon, Slide + ".zarr", Slide);
        using var calibrated = ReadOmeXml(daemon, $"{Calibrated}/{Slide}.zarr", Slide);

        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("reference").GetProperty("mpp").ValueKind);
        AssertNoPixelSize(plain.RootElement.GetProperty("images")[0]);
        Assert.Empty(calibrated.RootElement.GetProperty("schema_errors").EnumerateArray());
        AssertPixelSize(calibrated.RootElement.GetProperty("images")[0], CalibratedMppX, CalibratedMppY);
    }

    [Fact]
    public void A_grayscale_16_bit_slide_is_one_uint16_channel_in_white()
    {
        const string Slide = "smalltif.tif";
        using var daemon = MountedDaemon.Start([new { urlpath = SharedSlides.PathOf(Slide) }], "ome-ngff");

        using var result = ReadOmeXml(daemon, Slide + ".zarr", Slide);

        var root = result.RootElement;
        Assert.Empty(root.GetProperty("schema_errors").EnumerateArray());
        var image = Assert.Single(root.GetProperty("images").EnumerateArray());
        var reference = root.GetProperty("reference");
        Assert.Equal(1, reference.GetProperty("samples").GetInt32());
        AssertSize(image, reference.GetProperty("width").GetInt32(), reference.GetProperty("height").GetInt32(), channels: 1);
        Assert.Equal("uint16", image.GetProperty("type").GetString());
        AssertChannels(image, [("Gray", [255, 255, 255, 255])]);
        AssertNoPixelSize(image);
    }

    [Fact]
    public void The_readers_first_image_is_the_slide_and_every_image_is_the_one_its_ome_xml_describes() =>
        ForEveryOpenSlideSlide((_, root) =>
        {
            var series = root.GetProperty("series").EnumerateArray().ToList();
            var images = root.GetProperty("images").EnumerateArray().ToList();
            var reference = root.GetProperty("reference");

            Assert.Equal("0", series[0].GetProperty("path").GetString());
            Assert.Equal(reference.GetProperty("levels").GetInt32(), series[0].GetProperty("levels").GetInt32());
            Assert.Equal(series.Count, images.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var size = series[i].GetProperty("size");
                AssertSize(images[i], size.GetProperty("X").GetInt32(), size.GetProperty("Y").GetInt32(), size.GetProperty("C").GetInt32());
            }

            var associated = reference.GetProperty("associated").EnumerateObject().OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(associated.Select(a => a.Name), images.Skip(1).Select(image => image.GetProperty("name").GetString()));
            for (var i = 0; i < associated.Count; i++)
            {
                AssertSize(images[i + 1], associated[i].Value[0].GetInt32(), associated[i].Value[1].GetInt32(), channels: 3);
                AssertNoPixelSize(images[i + 1]);
            }
        });

    [Fact]
    public void Each_associated_images_own_array_holds_openslides_pixels()
    {
        const string Slide = "cmu-1-small-region.svs";
        using var daemon = MountedDaemon.Start([new { urlpath = SharedSlides.PathOf(Slide) }], "ome-ngff");
        using var references = new TemporaryDirectory();

        using var result = JsonDocument.Parse(Python.RunOracle("openslide_region.py", "associated", SharedSlides.PathOf(Slide), references.Path));

        var associated = result.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(associated);
        foreach (var reference in associated)
        {
            var name = reference.GetProperty("name").GetString()!;
            var (width, height) = (reference.GetProperty("width").GetInt32(), reference.GetProperty("height").GetInt32());
            var interleaved = File.ReadAllBytes(reference.GetProperty("file").GetString()!);

            // One chunk holds the whole image, channel planes one after the other: (c, y, x).
            var planar = File.ReadAllBytes(daemon.PathOf($"{Slide}.zarr/associated/{name}/0/0/0/0"));

            Assert.Equal(3 * width * height, planar.Length);
            var differing = 0;
            for (var pixel = 0; pixel < width * height; pixel++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    differing += planar[(channel * width * height) + pixel] == interleaved[(pixel * 3) + channel] ? 0 : 1;
                }
            }

            Assert.True(differing == 0, $"{name}: {differing} samples differ");
        }
    }

    [Fact]
    public void The_pado_layout_serves_no_ome_xml()
    {
        using var daemon = MountedDaemon.Start([new { urlpath = SharedSlides.PathOf("cmu-1-small-region.svs") }]);

        var folder = daemon.PathOf("cmu-1-small-region.svs.zarr");

        Assert.True(File.Exists(Path.Combine(folder, ".zattrs")));
        Assert.False(Directory.Exists(Path.Combine(folder, "OME")));
        Assert.True(File.Exists(Path.Combine(folder, "associated", "label", ".zarray")));
    }

    // The shared slides, the bad ones too, mounted in the ome-ngff layout; the check sees each slide OpenSlide reads.
    private static void ForEveryOpenSlideSlide(Action<string, JsonElement> check)
    {
        using var daemon = MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides(), "ome-ngff");
        foreach (var slide in s_openSlideSlides)
        {
            using var result = ReadOmeXml(daemon, slide + ".zarr", slide);
            check(slide, result.RootElement);
        }
    }

    private static JsonDocument ReadOmeXml(MountedDaemon daemon, string folder, string slide) =>
        JsonDocument.Parse(Python.RunOracle("ome_xml.py", daemon.PathOf(folder), SharedSlides.PathOf(slide)));

    private static void AssertSize(JsonElement image, int width, int height, int channels)
    {
        var size = image.GetProperty("size");
        Assert.Equal(
            (width, height, channels, 1, 1),
            (size.GetProperty("X").GetInt32(), size.GetProperty("Y").GetInt32(), size.GetProperty("C").GetInt32(), size.GetProperty("Z").GetInt32(), size.GetProperty("T").GetInt32()));
    }

    private static void AssertPixelSize(JsonElement image, double x, double y)
    {
        Assert.Equal([x, y], image.GetProperty("physical_size").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["µm", "µm"], image.GetProperty("units").EnumerateArray().Select(v => v.GetString()));
    }

    private static void AssertNoPixelSize(JsonElement image)
    {
        Assert.All(image.GetProperty("physical_size").EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
        Assert.All(image.GetProperty("units").EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
    }

    private static void AssertChannels(JsonElement image, (string Name, int[] Rgba)[] expected)
    {
        var channels = image.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(expected.Select(c => c.Name), channels.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(expected.Select(c => c.Rgba), channels.Select(c => c.GetProperty("rgba").EnumerateArray().Select(v => v.GetInt32()).ToArray()));
        Assert.All(channels, c => Assert.Equal(1, c.GetProperty("samples").GetInt32()));
    }
}
