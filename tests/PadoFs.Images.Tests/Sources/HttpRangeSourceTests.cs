using PadoFs.Images.Sources;
using PadoFs.Images.Tiff;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.Images.Tests.Sources;

/// <summary>Given the shared TIFF slides behind a real nginx on loopback, the HTTP source reads them by range.</summary>
[Trait("Category", "Remote")]
public sealed class HttpRangeSourceTests(HttpSlideServer server, ITestOutputHelper output) : IClassFixture<HttpSlideServer>
{
    private static readonly RemoteReadOptions s_quickRetries = new()
    {
        Attempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public static TheoryData<string> TiffSlides => new(SharedSlides.TiffFiles.ToArray());

    [Fact]
    public async Task Bytes_read_at_any_offset_blocking_or_awaited_are_the_file_s_own()
    {
        using var source = HttpRangeSource.Open(server.Nginx.UrlOf("tcga-cr-7395.svs"), s_quickRetries, new ByteBlockCache(4L * 1024 * 1024));
        Assert.Contains("etag", source.Version.Tag, StringComparison.Ordinal);
        await RemoteSourceAssertions.ReadsEqualTheFile(source, "tcga-cr-7395.svs", 200, 11);
    }

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void A_slide_read_over_http_has_the_local_file_s_structure_and_stored_tiles(string name)
    {
        using var local = TiffFile.Open(SharedSlides.PathOf(name));
        using var remote = TiffFile.Open(HttpRangeSource.Open(server.Nginx.UrlOf(name), s_quickRetries, new ByteBlockCache(8L * 1024 * 1024)));

        Assert.Equal(local.Pages.Count, remote.Pages.Count);
        Assert.Equal(local.Series.Select(s => s.Name), remote.Series.Select(s => s.Name));
        for (var page = 0; page < local.Pages.Count; page++)
        {
            Assert.Equal(local.Pages[page].Width, remote.Pages[page].Width);
            Assert.Equal(local.Pages[page].Height, remote.Pages[page].Height);
        }

        var fileBytes = File.ReadAllBytes(SharedSlides.PathOf(name));
        foreach (var (offset, count) in TileRanges(local).Take(64))
        {
            var buffer = new byte[count];
            Assert.Equal(count, remote.Read(offset, buffer));
            Assert.True(fileBytes.AsSpan((int)offset, count).SequenceEqual(buffer), $"{name}: tile bytes at {offset} differ");
        }
    }

    [Theory]
    [InlineData("cmu-1-small-region.svs")]
    [InlineData("tcga-cr-7395.svs")]
    [InlineData("boxes.tiff")]
    [InlineData("smalltif.tif")]
    public void Every_chunk_of_every_level_decodes_over_http_as_from_the_local_file(string name) =>
        RemoteSourceAssertions.EveryChunkDecodesAsFromTheLocalFile(HttpRangeSource.Open(server.Nginx.UrlOf(name), s_quickRetries, new ByteBlockCache(16L * 1024 * 1024)), name, output);

    [Fact]
    public void A_missing_object_and_a_refused_one_are_told_apart_in_one_line()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => HttpRangeSource.Open(server.Nginx.UrlOf("absent.svs"), s_quickRetries));
        Assert.Contains("absent.svs", missing.Message, StringComparison.Ordinal);
        Assert.Contains("404", missing.Message, StringComparison.Ordinal);

        var refused = Assert.Throws<UnauthorizedAccessException>(() => HttpRangeSource.Open(server.Nginx.UrlOf("forbidden/boxes.tiff"), s_quickRetries));
        Assert.Contains("forbidden/boxes.tiff", refused.Message, StringComparison.Ordinal);
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message + refused.Message);
    }

    [Fact]
    public void A_failing_server_is_tried_again_with_backoff_then_given_up_with_its_status()
    {
        var before = server.Nginx.Requests.Count(line => line.Contains("/failing/", StringComparison.Ordinal));
        var error = Assert.Throws<IOException>(() => HttpRangeSource.Open(server.Nginx.UrlOf("failing/boxes.tiff"), s_quickRetries));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        var after = WaitForLogged("/failing/", before + 3);
        Assert.Equal(before + 3, after);
    }

    [Fact]
    public void A_replaced_object_fails_its_reads_as_changed_instead_of_mixing_versions()
    {
        var path = server.PathOf("replaced.tiff");
        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), path, overwrite: true);
        using var source = HttpRangeSource.Open(server.Nginx.UrlOf("replaced.tiff"), s_quickRetries, new ByteBlockCache(1024 * 1024));
        var first = new byte[100];
        Assert.Equal(100, source.Read(first, 0));

        var replacement = File.ReadAllBytes(SharedSlides.PathOf("cmu-1-small-region.svs"));
        replacement[^1] ^= 0xFF;
        File.WriteAllBytes(path + ".new", replacement);
        File.SetLastWriteTimeUtc(path + ".new", DateTime.UtcNow.AddMinutes(5));
        File.Move(path + ".new", path, overwrite: true);

        // A block fetched already is the opened version's; anything fetched now must come from that version too.
        Assert.Equal(100, source.Read(first, 0));
        var error = Assert.Throws<ByteSourceChangedException>(() => source.Read(new byte[600_000], 300_000));
        Assert.Contains("replaced.tiff", error.Message, StringComparison.Ordinal);
        output.WriteLine(error.Message);

        using var reopened = HttpRangeSource.Open(server.Nginx.UrlOf("replaced.tiff"), s_quickRetries);
        Assert.NotEqual(source.Version, reopened.Version);
        var last = new byte[1];
        Assert.Equal(1, reopened.Read(last, reopened.Length - 1));
        Assert.Equal(replacement[^1], last[0]);
    }

    [Fact]
    public void A_stopped_server_fails_reads_as_an_io_error_and_they_succeed_once_it_is_back()
    {
        var name = "cmu-1-small-region.svs";
        using var source = HttpRangeSource.Open(server.Nginx.UrlOf(name), s_quickRetries, new ByteBlockCache(1024 * 1024));
        var expected = File.ReadAllBytes(SharedSlides.PathOf(name));
        var buffer = new byte[300_000];
        server.Nginx.Stop();
        try
        {
            var error = Assert.Throws<IOException>(() => source.Read(buffer, 1_000_000));
            Assert.IsNotType<ByteSourceChangedException>(error);
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
            output.WriteLine(error.Message);
        }
        finally
        {
            server.Nginx.Start();
        }

        Assert.Equal(buffer.Length, source.Read(buffer, 1_000_000));
        Assert.True(expected.AsSpan(1_000_000, buffer.Length).SequenceEqual(buffer));
    }

    private static IEnumerable<(long Offset, int Count)> TileRanges(TiffFile file)
    {
        foreach (var page in file.Pages)
        {
            for (var i = 0; i < page.DataOffsets.Length; i++)
            {
                if (page.DataByteCounts[i] > 0)
                {
                    yield return (page.DataOffsets[i], (int)page.DataByteCounts[i]);
                }
            }
        }
    }

    private int WaitForLogged(string path, int atLeast)
    {
        var count = 0;
        for (var i = 0; i < 100; i++)
        {
            count = server.Nginx.Requests.Count(line => line.Contains(path, StringComparison.Ordinal));
            if (count >= atLeast)
            {
                break;
            }

            Thread.Sleep(20);
        }

        return count;
    }
}
