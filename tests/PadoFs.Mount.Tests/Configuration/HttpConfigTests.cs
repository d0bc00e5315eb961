using System.Net;
using PadoFs.Mount.Configuration;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>Given a config's http section (or none), serving over HTTP is set up as asked, and every problem is named.</summary>
[Trait("Category", "Fast")]
public sealed class HttpConfigTests
{
    [Fact]
    public void A_mount_config_without_an_http_section_serves_no_http_and_serve_listens_on_loopback_8080()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "mountPoint": "/mnt/a", "images": [] }""");

        Assert.Null(MountConfigLoader.Load(config).Http);
        var served = MountConfigLoader.Load(config, purpose: MountPurpose.Serve);
        Assert.Null(served.MountPoint);
        Assert.Equal(IPAddress.Loopback, served.Http!.Address);
        Assert.Equal(8080, served.Http.Port);
        Assert.True(served.Http.IsLoopback);
        Assert.Null(served.Http.Token);
    }

    [Fact]
    public void The_http_section_gives_address_origins_as_a_list_and_token()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """
            { "mountPoint": "/mnt/a", "images": [],
              "http": { "listen": "http://0.0.0.0:9000", "origins": ["https://viewer.example.org", "http://localhost:3000"], "token": "0123456789abcdef" } }
            """);

        var http = MountConfigLoader.Load(config).Http!;

        Assert.Equal(IPAddress.Any, http.Address);
        Assert.Equal(9000, http.Port);
        Assert.False(http.IsLoopback);
        Assert.Equal(["https://viewer.example.org", "http://localhost:3000"], http.Origins);
        Assert.Equal("0123456789abcdef", http.Token);
    }

    [Fact]
    public void The_command_line_address_wins_over_the_config_and_the_environment_names_are_known()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """{ "images": [], "http": { "listen": "http://127.0.0.1:9000" } }""");

        var http = MountConfigLoader.Load(config, purpose: MountPurpose.Serve, listenOverride: "http://[::1]:0").Http!;

        Assert.Equal(IPAddress.IPv6Loopback, http.Address);
        Assert.Equal(0, http.Port);
        Assert.Empty(MountSettings.UnknownEnvironmentVariables(["PADOFS__HTTP__LISTEN", "PADOFS__HTTP__ORIGINS", "PADOFS__HTTP__TOKEN"]));
    }

    [Fact]
    public void A_bad_address_origin_token_or_setting_of_the_http_section_is_each_a_problem()
    {
        using var folder = new TemporaryDirectory();
        var config = Write(folder, """
            { "mountPoint": "/mnt/a", "images": [],
              "http": { "listen": "https://example.org/x", "origins": ["https://viewer.example.org/path", 7], "token": "short", "port": 1 } }
            """);
        var badOrigin = Write(folder, """{ "mountPoint": "/mnt/a", "images": [], "http": { "listen": "http://slides.example.org:80", "origins": "ftp://a", "token": "with spaces in it, long enough" } }""");

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(config));
        var other = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(badOrigin));

        Assert.Contains(error.Problems, p => p.StartsWith("unknown setting 'http.port'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("'http.origins' must be a list of strings", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("'http.token' must be at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("'http.listen' is 'https://example.org/x'", StringComparison.Ordinal));
        Assert.Contains(other.Problems, p => p.StartsWith("'http.listen' names the host 'slides.example.org'", StringComparison.Ordinal));
        Assert.Contains(other.Problems, p => p.StartsWith("'http.origins' holds 'ftp://a'", StringComparison.Ordinal));
        Assert.Contains(other.Problems, p => p.StartsWith("'http.token' must be at least 16 characters without spaces", StringComparison.Ordinal));
    }

    private static string Write(TemporaryDirectory folder, string json)
    {
        var path = folder.File($"padofs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
