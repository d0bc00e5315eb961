using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the cmu slide served by <c>padofs serve</c> in the ome-ngff layout, viv (the OME-Zarr viewer, from npm) in
/// headless Chromium draws it as OpenSlide's thumbnail shows it, when the server allows the viewer's origin; the
/// browser refuses the slide when it does not.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Oracles")]
[Trait("Category", "Browser")]
public sealed class BrowserViewerTests(VivPage page) : IClassFixture<VivPage>
{
    private const string Slide = "cmu-1-small-region.svs";

    // The canvas's longer side; the other follows the slide's aspect ratio.
    private const int CanvasSide = 512;

    // 8-bit levels. viv samples the one level (2220 x 2967) nearest-neighbour where OpenSlide's thumbnail filters it,
    // which moves a 48 x 64 pixel block's mean by 1.4 levels at most and the whole canvas's by 0.06; a picture with
    // red and blue swapped is 6 off in the mean and 33 in a block, one upside down 142 in a block.
    private const double MeanTolerance = 2;
    private const double BlockTolerance = 6;
    private const int Blocks = 8;

    [Fact]
    public async Task Viv_draws_the_served_slide_as_openslide_thumbnails_it_when_the_page_origin_is_allowed()
    {
        using var server = Serve(origins: [page.Origin]);
        var source = server.UrlOf($"{Slide}.zarr");
        var (width, height) = await CanvasFor(source);
        using var folder = new TemporaryDirectory();
        var picture = folder.File("canvas.png");

        var rendering = page.Render(source, width, height, picture);

        Assert.True(rendering.Status == "rendered", $"viv did not draw the slide: {rendering.Status}; console: {string.Join(" | ", rendering.Console)}");
        var comparison = OpenSlideThumbnails.Compare(SharedSlides.PathOf(Slide), picture, Blocks);
        var (canvas, thumbnail) = (comparison.Picture, comparison.Thumbnail);
        Assert.Equal((width, height), (canvas.Width, canvas.Height));
        Assert.Equal((width, height), (thumbnail.Width, thumbnail.Height));

        // Not blank: a slide has tissue and background, so every channel varies as much in the canvas as in the thumbnail.
        for (var channel = 0; channel < 3; channel++)
        {
            Assert.InRange(canvas.StandardDeviation[channel], thumbnail.StandardDeviation[channel] * 0.8, thumbnail.StandardDeviation[channel] * 1.25);
            Assert.InRange(canvas.Mean[channel], thumbnail.Mean[channel] - MeanTolerance, thumbnail.Mean[channel] + MeanTolerance);
        }

        for (var block = 0; block < Blocks * Blocks; block++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var difference = Math.Abs(canvas.Blocks[block][channel] - thumbnail.Blocks[block][channel]);
                Assert.True(difference <= BlockTolerance, $"block {block / Blocks},{block % Blocks} channel {"RGB"[channel]}: canvas {canvas.Blocks[block][channel]:F1}, thumbnail {thumbnail.Blocks[block][channel]:F1}");
            }
        }
    }

    [Fact]
    public void Without_the_page_origin_allowed_the_browser_refuses_the_slide_and_viv_draws_nothing()
    {
        using var server = Serve(origins: []);
        using var folder = new TemporaryDirectory();
        var picture = folder.File("canvas.png");

        var rendering = page.Render(server.UrlOf($"{Slide}.zarr"), 383, 512, picture);

        Assert.StartsWith("failed: ", rendering.Status, StringComparison.Ordinal);
        Assert.Contains(rendering.Console, line => line.Contains("blocked by CORS policy", StringComparison.Ordinal) && line.Contains(page.Origin, StringComparison.Ordinal));
        Assert.False(File.Exists(picture));
    }

    // padofs serve of the slide in the ome-ngff layout on a free loopback port, readable across origins from these.
    private static MountedDaemon Serve(string[] origins) =>
        MountedDaemon.Start("serve", new
        {
            layout = "ome-ngff",
            http = new { listen = "http://127.0.0.1:0", origins },
            images = new[] { new { urlpath = SharedSlides.PathOf(Slide) } },
        });

    /// <summary>The canvas the slide's level 0, as served, fits: <see cref="CanvasSide"/> on its longer side.</summary>
    private static async Task<(int Width, int Height)> CanvasFor(string source)
    {
        using var client = new HttpClient();
        using var array = JsonDocument.Parse(await client.GetStringAsync($"{source}/0/.zarray"));
        var shape = array.RootElement.GetProperty("shape");
        double imageHeight = shape[shape.GetArrayLength() - 2].GetInt32(), imageWidth = shape[shape.GetArrayLength() - 1].GetInt32();
        var scale = CanvasSide / Math.Max(imageWidth, imageHeight);
        return ((int)Math.Round(imageWidth * scale), (int)Math.Round(imageHeight * scale));
    }
}
