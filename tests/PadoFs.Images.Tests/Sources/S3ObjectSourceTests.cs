using PadoFs.Images.Sources;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.Images.Tests.Sources;

/// <summary>Given the shared TIFF slides in a bucket of a real S3 API server (s3rver) on loopback, the S3 source reads them by range.</summary>
[Trait("Category", "Remote")]
public sealed class S3ObjectSourceTests(S3SlideServer s3, ITestOutputHelper output) : IClassFixture<S3SlideServer>
{
    private static readonly RemoteReadOptions s_quickRetries = new()
    {
        Attempts = 2,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData("cmu-1-small-region.svs")]
    [InlineData("tcga-cr-7395.svs")]
    [InlineData("boxes.tiff")]
    [InlineData("smalltif.tif")]
    public void Every_chunk_of_every_level_decodes_from_s3_as_from_the_local_file(string name) =>
        RemoteSourceAssertions.EveryChunkDecodesAsFromTheLocalFile(S3ObjectSource.Open(new Uri($"s3://slides/{name}"), s3.Options, s_quickRetries, new ByteBlockCache(16L * 1024 * 1024)), name, output);

    [Fact]
    public async Task Bytes_read_blocking_or_awaited_are_the_object_s_own()
    {
        using var source = S3ObjectSource.Open(new Uri("s3://slides/cmu-1-small-region.svs"), s3.Options, s_quickRetries, new ByteBlockCache(1024 * 1024));
        await RemoteSourceAssertions.ReadsEqualTheFile(source, "cmu-1-small-region.svs", 40, 5);
    }

    [Fact]
    public void A_missing_key_and_a_refused_one_are_told_apart_in_one_line()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => S3ObjectSource.Open(new Uri("s3://slides/absent.svs"), s3.Options, s_quickRetries));
        Assert.Contains("s3://slides/absent.svs", missing.Message, StringComparison.Ordinal);

        var wrongKey = S3StorageOptions.From(new Dictionary<string, string>(s3.StorageOptions) { ["key"] = "NOT-THE-KEY", ["secret"] = "wrong-secret" });
        var refused = Assert.Throws<UnauthorizedAccessException>(() => S3ObjectSource.Open(new Uri("s3://slides/boxes.tiff"), wrongKey, s_quickRetries));
        Assert.Contains("s3://slides/boxes.tiff", refused.Message, StringComparison.Ordinal);
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message + refused.Message);
        output.WriteLine(missing.Message);
        output.WriteLine(refused.Message);
    }

    [Fact]
    public void A_replaced_object_fails_its_reads_as_changed_instead_of_mixing_versions()
    {
        var original = File.ReadAllBytes(SharedSlides.PathOf("cmu-1-small-region.svs"));
        s3.Put("replaced.svs", original);
        using var source = S3ObjectSource.Open(new Uri("s3://slides/replaced.svs"), s3.Options, s_quickRetries, new ByteBlockCache(1024 * 1024));
        Assert.Equal(100, source.Read(new byte[100], 0));

        var replacement = (byte[])original.Clone();
        replacement[^1] ^= 0xFF;
        s3.Put("replaced.svs", replacement);

        var error = Assert.Throws<ByteSourceChangedException>(() => source.Read(new byte[600_000], 300_000));
        Assert.Contains("s3://slides/replaced.svs", error.Message, StringComparison.Ordinal);
        output.WriteLine(error.Message);
        using var reopened = S3ObjectSource.Open(new Uri("s3://slides/replaced.svs"), s3.Options, s_quickRetries);
        Assert.NotEqual(source.Version, reopened.Version);
    }

    [Fact]
    public void A_stopped_server_fails_reads_as_an_io_error_and_they_succeed_once_it_is_back()
    {
        using var source = S3ObjectSource.Open(new Uri("s3://slides/tcga-cr-7395.svs"), s3.Options, s_quickRetries, new ByteBlockCache(1024 * 1024));
        var expected = File.ReadAllBytes(SharedSlides.PathOf("tcga-cr-7395.svs"));
        var buffer = new byte[400_000];
        s3.Server.Stop();
        try
        {
            var error = Assert.Throws<IOException>(() => source.Read(buffer, 2_000_000));
            Assert.IsNotType<ByteSourceChangedException>(error);
            Assert.Contains("s3://slides/tcga-cr-7395.svs", error.Message, StringComparison.Ordinal);
            output.WriteLine(error.Message);
        }
        finally
        {
            s3.Server.Start();
        }

        Assert.Equal(buffer.Length, source.Read(buffer, 2_000_000));
        Assert.True(expected.AsSpan(2_000_000, buffer.Length).SequenceEqual(buffer));
    }

    [Fact]
    public void Storage_options_take_s3fs_names_refuse_unknown_ones_and_never_print_the_secret()
    {
        var options = S3StorageOptions.From(new Dictionary<string, string>
        {
            ["key"] = "AKIA-EXAMPLE",
            ["secret"] = "very-secret-value",
            ["token"] = "session-token-value",
            ["endpoint_url"] = "http://127.0.0.1:9000",
            ["client_kwargs.region_name"] = "eu-central-1",
        });
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal("http://127.0.0.1:9000", options.EndpointUrl);
        Assert.DoesNotContain("very-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", options.ToString(), StringComparison.Ordinal);
        Assert.True(S3StorageOptions.From(new Dictionary<string, string> { ["anon"] = "true" }).Anonymous);

        var unknown = Assert.Throws<ArgumentException>(() => S3StorageOptions.From(new Dictionary<string, string> { ["profile_name"] = "x" }));
        Assert.Contains("profile_name", unknown.Message, StringComparison.Ordinal);
        var half = Assert.Throws<ArgumentException>(() => S3StorageOptions.From(new Dictionary<string, string> { ["key"] = "x" }));
        Assert.Contains("secret", half.Message, StringComparison.Ordinal);
    }
}
