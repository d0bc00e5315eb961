using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace PadoFs.Http.Tests;

/// <summary>Given the tree served over HTTP on loopback, each request gets the answer HTTP and WebDAV prescribe.</summary>
[Trait("Category", "Fast")]
public sealed class HttpProtocolTests
{
    private const string Chunk = "/cmu-1-small-region.svs.zarr/0/0.0.0";

    [Fact]
    public async Task Get_of_a_chunk_gives_its_exact_bytes_length_and_validators()
    {
        await using var served = await ServedTree.StartAsync();
        var expected = served.ReadInProcess(Chunk);

        using var response = await served.Client.GetAsync(Chunk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", string.Join(',', response.Headers.AcceptRanges));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes=0-9", 0, 9)]
    [InlineData("bytes=100-", 100, 172799)]
    [InlineData("bytes=-500", 172300, 172799)]
    [InlineData("bytes=172790-999999", 172790, 172799)]
    [InlineData("bytes=-999999", 0, 172799)]
    public async Task A_single_range_answers_206_with_exactly_those_bytes(string range, long first, long last)
    {
        await using var served = await ServedTree.StartAsync();
        var expected = served.ReadInProcess(Chunk);
        Assert.Equal(172800, expected.Length);
        using var request = new HttpRequestMessage(HttpMethod.Get, Chunk);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{last}/172800", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(expected.AsSpan((int)first, (int)(last - first + 1)).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=172800-")]
    [InlineData("bytes=999999-1000000")]
    [InlineData("bytes=-0")]
    public async Task A_range_past_the_end_answers_416_with_the_length(string range)
    {
        await using var served = await ServedTree.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Chunk);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */172800", response.Content.Headers.ContentRange!.ToString());
    }

    [Theory]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-1")]
    [InlineData("bytes=9-2")]
    public async Task A_range_the_server_may_ignore_answers_the_whole_file(string range)
    {
        await using var served = await ServedTree.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Chunk);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(172800, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task If_none_match_with_the_tag_answers_304_and_if_range_with_another_tag_the_whole_file()
    {
        await using var served = await ServedTree.StartAsync();
        using var first = await served.Client.GetAsync(Chunk);
        var tag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Chunk);
        conditional.Headers.IfNoneMatch.Add(tag);
        using var notModified = await served.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var sameTag = new HttpRequestMessage(HttpMethod.Get, Chunk);
        sameTag.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        sameTag.Headers.TryAddWithoutValidation("If-Range", tag.Tag);
        using var part = await served.Client.SendAsync(sameTag);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, Chunk);
        otherTag.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        otherTag.Headers.TryAddWithoutValidation("If-Range", "\"another-version\"");
        using var whole = await served.Client.SendAsync(otherTag);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(172800, whole.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Chunks_of_one_slide_have_distinct_tags_and_a_layout_change_changes_them()
    {
        string? pado;
        await using (var served = await ServedTree.StartAsync("pado"))
        {
            using var zero = await served.Client.GetAsync("/small.svs.zarr/0/.zarray");
            using var one = await served.Client.GetAsync("/small.svs.zarr/1/.zarray");
            Assert.NotEqual(zero.Headers.ETag, one.Headers.ETag);
            pado = zero.Headers.ETag!.Tag;
        }

        await using var ngff = await ServedTree.StartAsync("ome-ngff");
        using var again = await ngff.Client.GetAsync("/small.svs.zarr/0/.zarray");
        Assert.NotEqual(pado, again.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Head_gives_the_length_and_no_body()
    {
        await using var served = await ServedTree.StartAsync();

        using var response = await served.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Chunk));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(172800, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_live_statistics_are_served_with_their_real_length_as_valid_json()
    {
        await using var served = await ServedTree.StartAsync();
        using var chunk = await served.Client.GetAsync(Chunk);

        using var response = await served.Client.GetAsync("/.padofs/stats.json");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(body.Length > 100);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Null(response.Headers.ETag);
        using var stats = JsonDocument.Parse(body);
        Assert.True(stats.RootElement.GetProperty("reads").GetInt64() >= 1);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("MKCOL")]
    [InlineData("MOVE")]
    [InlineData("COPY")]
    [InlineData("PROPPATCH")]
    [InlineData("LOCK")]
    [InlineData("UNLOCK")]
    [InlineData("POST")]
    public async Task Every_writing_method_answers_405_with_what_is_allowed(string method)
    {
        await using var served = await ServedTree.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/cmu-1-small-region.svs.zarr/.zgroup") { Content = new StringContent("x") };

        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "PROPFIND"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(served.ReadInProcess("/cmu-1-small-region.svs.zarr/.zgroup"), await served.Client.GetByteArrayAsync("/cmu-1-small-region.svs.zarr/.zgroup"));
    }

    [Fact]
    public async Task A_missing_path_answers_404_and_options_says_dav_class_1()
    {
        await using var served = await ServedTree.StartAsync();

        using var missing = await served.Client.GetAsync("/no-such.zarr/.zgroup");
        using var missingChunk = await served.Client.GetAsync("/cmu-1-small-region.svs.zarr/0/999.0.0");
        using var options = await served.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingChunk.StatusCode);
        Assert.Equal("1", string.Join(',', options.Headers.GetValues("DAV")));
    }

    [Fact]
    public async Task A_broken_slide_answers_502_with_one_line_and_the_others_keep_serving()
    {
        await using var served = await ServedTree.StartAsync();

        foreach (var path in new[] { "/broken.svs.zarr/.zgroup", "/unopenable.tiff.zarr/.zgroup", "/unreadable.svs.zarr/0/0.0.0" })
        {
            using var response = await served.Client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Single(text.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("padofs: ", text, StringComparison.Ordinal);
        }

        using var good = await served.Client.GetAsync(Chunk);
        Assert.Equal(served.ReadInProcess(Chunk), await good.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_preflight_from_a_listed_origin_is_allowed_and_one_from_another_origin_is_not()
    {
        await using var served = await ServedTree.StartAsync(origins: ["https://viewer.example.org"]);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, Chunk);
        preflight.Headers.Add("Origin", "https://viewer.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "range");
        using var allowed = await served.Client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://viewer.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("range", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single());

        using var get = new HttpRequestMessage(HttpMethod.Get, Chunk);
        get.Headers.Add("Origin", "https://viewer.example.org");
        using var read = await served.Client.SendAsync(get);
        Assert.Equal("https://viewer.example.org", read.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Content-Range", read.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var foreign = new HttpRequestMessage(HttpMethod.Options, Chunk);
        foreign.Headers.Add("Origin", "https://elsewhere.example.com");
        foreign.Headers.Add("Access-Control-Request-Method", "GET");
        using var refused = await served.Client.SendAsync(foreign);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_a_token_a_request_without_it_answers_401_and_bearer_or_basic_with_it_reads()
    {
        const string Token = "0123456789abcdef-secret";
        await using var served = await ServedTree.StartAsync(token: Token);

        using var without = await served.Client.GetAsync(Chunk);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("Basic", string.Join(',', without.Headers.WwwAuthenticate), StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, Chunk);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "0123456789abcdef-wrong!");
        Assert.Equal(HttpStatusCode.Unauthorized, (await served.Client.SendAsync(wrong)).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, Chunk);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await served.Client.SendAsync(bearer)).StatusCode);

        using var basic = new HttpRequestMessage(HttpMethod.Get, Chunk);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + Token)));
        Assert.Equal(HttpStatusCode.OK, (await served.Client.SendAsync(basic)).StatusCode);
    }

    [Fact]
    public async Task A_folder_lists_its_entries_as_json_and_as_html_links()
    {
        await using var served = await ServedTree.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/cmu-1-small-region.svs.zarr/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var json = await served.Client.SendAsync(request);
        using var listing = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var entries = listing.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("type").GetString());
        Assert.Equal("file", entries[".zgroup"]);
        Assert.Equal("folder", entries["0"]);

        var html = await served.Client.GetStringAsync("/cmu-1-small-region.svs.zarr/0");
        Assert.Contains("href=\"/cmu-1-small-region.svs.zarr/0/0.0.0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propfind_at_depth_0_and_1_gives_a_multistatus_and_depth_infinity_is_refused()
    {
        await using var served = await ServedTree.StartAsync();
        XNamespace dav = "DAV:";

        using var one = await Propfind(served, "/cmu-1-small-region.svs.zarr/0/", "1");
        Assert.Equal(HttpStatusCode.MultiStatus, one.StatusCode);
        var responses = XDocument.Parse(await one.Content.ReadAsStringAsync()).Root!.Elements(dav + "response").ToList();
        var chunk = responses.Single(r => r.Element(dav + "href")!.Value == "/cmu-1-small-region.svs.zarr/0/0.0.0");
        Assert.Equal("172800", chunk.Descendants(dav + "getcontentlength").Single().Value);
        Assert.NotEmpty(chunk.Descendants(dav + "getetag").Single().Value);
        Assert.NotNull(responses[0].Descendants(dav + "collection").SingleOrDefault());
        Assert.Equal(served.Session.Tree.Resolve("/cmu-1-small-region.svs.zarr/0") is PadoFs.Mount.Tree.MountDirectory directory ? directory.Children.Count + 1 : -1, responses.Count);

        using var zero = await Propfind(served, "/cmu-1-small-region.svs.zarr/0/0.0.0", "0");
        Assert.Single(XDocument.Parse(await zero.Content.ReadAsStringAsync()).Root!.Elements(dav + "response"));

        using var infinity = await Propfind(served, "/", "infinity");
        Assert.Equal(HttpStatusCode.Forbidden, infinity.StatusCode);
        Assert.Contains("propfind-finite-depth", await infinity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Propfind(ServedTree served, string path, string depth)
    {
        var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), path)
        {
            Content = new StringContent("<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add("Depth", depth);
        return served.Client.SendAsync(request);
    }
}
