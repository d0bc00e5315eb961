using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given <c>padofs serve</c> with a small cache, then many clients at once get exactly the bytes a separate FUSE mount
/// of the same slides gives, and the server's memory stays within what its cache budget allows; given one
/// <c>padofs mount</c> with an <c>http</c> section, FUSE and HTTP are served from its one cache.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
public sealed class HttpLoadTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const long CacheBudget = 16L << 20;

    // The budget, plus the runtime, Kestrel's buffers and threads, OpenSlide and the decoders' working memory. The
    // chunks read here are about 80 MiB decoded, five times the budget: a cache that kept them would pass the bound.
    private const long RssBound = CacheBudget + (224L << 20);

    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(30);
    private static readonly string[] s_slides = ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff"];

    [Fact]
    public async Task Eight_clients_reading_random_chunks_for_30_s_get_no_wrong_byte_no_error_and_bounded_memory()
    {
        var images = s_slides.Select(slide => (object)new { urlpath = SharedSlides.PathOf(slide) }).ToList();
        var reference = ReadEveryChunk(images);
        using var daemon = MountedDaemon.Start("serve", new { http = MountedDaemon.AnyLoopbackPort, cache = new { maxBytes = "16MiB" }, images });
        var peakRss = 0L;
        var startRss = ResidentBytes(daemon.Process.Id);
        using var stop = new CancellationTokenSource(s_duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ResidentBytes(daemon.Process.Id));
                await Task.Delay(200);
            }
        });

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => ReadRandomChunksAsync(daemon.HttpAddress!, reference, client, stop.Token)));
        await sampler;

        var requests = results.Sum(result => result.Requests);
        output.WriteLine($"{requests} requests by {Clients} clients in {s_duration.TotalSeconds} s; server RSS {startRss >> 20} MiB at start, peak {peakRss >> 20} MiB (bound {RssBound >> 20} MiB)");
        Assert.True(requests > Clients * 10, $"only {requests} requests in {s_duration}");
        Assert.Equal(0, results.Sum(result => result.WrongBytes));
        Assert.Empty(results.SelectMany(result => result.Errors));
        Assert.True(peakRss > 0 && peakRss < RssBound, $"the server's RSS peaked at {peakRss >> 20} MiB, over {RssBound >> 20} MiB\n{daemon.Log}");
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public async Task One_mount_with_an_http_section_serves_fuse_and_http_from_one_cache()
    {
        var images = new[] { new { urlpath = SharedSlides.PathOf("cmu-1-small-region.svs") } };
        using var daemon = MountedDaemon.Start("mount", new { http = MountedDaemon.AnyLoopbackPort, images });
        using var client = new HttpClient { BaseAddress = daemon.HttpAddress };
        const string Chunk = "cmu-1-small-region.svs.zarr/0/3.4.0";

        var overFuse = await File.ReadAllBytesAsync(daemon.PathOf(Chunk));
        var before = await CacheCountersAsync(client);
        var overHttp = await client.GetByteArrayAsync(Chunk);
        var after = await CacheCountersAsync(client);

        Assert.Equal(overFuse, overHttp);
        Assert.Equal(before.Misses, after.Misses);
        Assert.Equal(before.Decodes, after.Decodes);
        Assert.True(after.Hits > before.Hits, $"the chunk read over FUSE was not a cache hit over HTTP: hits {before.Hits} -> {after.Hits}");
        Assert.Equal(await File.ReadAllBytesAsync(daemon.PathOf(".padofs/errors.json")), await client.GetByteArrayAsync(".padofs/errors.json"));
    }

    /// <summary>Every chunk of every level of the slides, read through a FUSE mount of its own (its own cache).</summary>
    private static Dictionary<string, byte[]> ReadEveryChunk(IReadOnlyList<object> images)
    {
        using var mount = MountedDaemon.Start(images);
        var chunks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var slide in s_slides)
        {
            foreach (var file in Directory.EnumerateFiles(mount.PathOf(slide + ".zarr"), "*", SearchOption.AllDirectories))
            {
                if (!Path.GetFileName(file).StartsWith('.'))
                {
                    chunks[Path.GetRelativePath(mount.MountPoint, file)] = File.ReadAllBytes(file);
                }
            }
        }

        Assert.True(chunks.Count > 100, $"only {chunks.Count} chunks");
        return chunks;
    }

    private static async Task<(long Requests, long WrongBytes, List<string> Errors)> ReadRandomChunksAsync(
        Uri server, Dictionary<string, byte[]> reference, int seed, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = server };
        var random = new Random(seed);
        var paths = reference.Keys.Order(StringComparer.Ordinal).ToArray();
        var errors = new List<string>();
        long requests = 0, wrong = 0;
        while (!stop.IsCancellationRequested)
        {
            var path = paths[random.Next(paths.Length)];
            var expected = reference[path];
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            var (first, count) = (0, expected.Length);
            if (random.Next(2) == 0)
            {
                // Half the requests are for a part only, as a reader of a sharded or partial chunk asks.
                first = random.Next(expected.Length);
                count = random.Next(1, expected.Length - first + 1);
                request.Headers.Range = new RangeHeaderValue(first, first + count - 1);
            }

            using var response = await client.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            requests++;
            var status = request.Headers.Range is null ? HttpStatusCode.OK : HttpStatusCode.PartialContent;
            if (response.StatusCode != status)
            {
                errors.Add($"{path} {request.Headers.Range}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                continue;
            }

            wrong += CountDifferences(expected.AsSpan(first, count), body);
        }

        return (requests, wrong, errors);
    }

    private static long CountDifferences(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        long differences = Math.Abs(expected.Length - actual.Length);
        var common = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                differences++;
            }
        }

        return differences;
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<(long Hits, long Misses, long Decodes)> CacheCountersAsync(HttpClient client)
    {
        using var stats = JsonDocument.Parse(await client.GetByteArrayAsync(".padofs/stats.json"));
        var cache = stats.RootElement.GetProperty("cache");
        return (cache.GetProperty("hits").GetInt64(), cache.GetProperty("misses").GetInt64(), cache.GetProperty("decodes").GetInt64());
    }
}
