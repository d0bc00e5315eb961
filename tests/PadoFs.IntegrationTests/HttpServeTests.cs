using System.Net;
using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared slides, good and bad together, served by a real <c>padofs serve</c> process on a free loopback port,
/// then zarr-python over fsspec's HTTP filesystem sees what the independent readers see, and the bad slides fail alone.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Oracles")]
public sealed class HttpServeTests
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Zarr_python_over_http_reads_every_level_of_every_good_slide_with_the_reference_pixels(string layout)
    {
        using var daemon = MountedDaemon.Serve(SharedSlideMountTests.AllSharedSlides(), layout);

        foreach (var slide in SharedSlideMountTests.GoodSlides)
        {
            var url = daemon.UrlOf(slide + ".zarr");
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", url, SharedSlides.PathOf(slide), layout));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.NotEmpty(levels);
            foreach (var level in levels)
            {
                Assert.True(
                    level.Value.TryGetProperty("differing_samples", out var differing) && differing.GetInt64() == 0,
                    $"{url} level {level.Name} differs or has another shape ({layout}): {level.Value}\n{daemon.Log}");
            }
        }
    }

    [Fact]
    public async Task A_bad_slide_answers_502_with_its_reason_for_its_own_requests_only()
    {
        using var daemon = MountedDaemon.Serve(SharedSlideMountTests.AllSharedSlides());
        using var client = new HttpClient { BaseAddress = daemon.HttpAddress };

        foreach (var path in new[] { "broken.svs.zarr/.zgroup", "unopenable.tiff.zarr/.zattrs", "unreadable.svs.zarr/0/0.0.0" })
        {
            using var failed = await client.GetAsync(path);
            var reason = await failed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            Assert.Single(reason.Trim().Split('\n'));
            Assert.Contains(path[..path.IndexOf(".zarr", StringComparison.Ordinal)], reason, StringComparison.Ordinal);
        }

        using var unopenable = await client.GetAsync("unopenable.tiff.zarr/.zattrs");
        Assert.Contains("52479", await unopenable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var readableMetadata = await client.GetAsync("unreadable.svs.zarr/0/.zarray");
        Assert.Equal(HttpStatusCode.OK, readableMetadata.StatusCode);
        var afterwards = Python.RunOracle("zarr_vs_reference.py", daemon.UrlOf("boxes.tiff.zarr"), SharedSlides.PathOf("boxes.tiff"), "pado");
        Assert.Contains("\"differing_samples\": 0", afterwards, StringComparison.Ordinal);
        Assert.False(daemon.Process.HasExited);
    }
}
