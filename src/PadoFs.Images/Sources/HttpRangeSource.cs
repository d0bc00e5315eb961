using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace PadoFs.Images.Sources;

/// <summary>
/// An object behind an http(s) URL, read with <c>Range</c> requests. Its length and version (the ETag, else
/// Last-Modified) come from a HEAD request on open; every ranged read sends the version back (<c>If-Match</c> for a
/// strong ETag, <c>If-Unmodified-Since</c> for a date) and checks the one the reply carries, so a replaced object
/// fails as changed instead of mixing its bytes with the old one's. Server errors, throttling, timeouts and lost
/// connections are retried with backoff; a 404 or 403 is final.
/// </summary>
public sealed class HttpRangeSource : RemoteObjectSource
{
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly HttpValidator _validator;

    private HttpRangeSource(HttpClient client, Uri url, long length, HttpValidator validator, RemoteReadOptions options, ByteBlockCache? blocks)
        : base(DisplayName(url), length, new ByteSourceVersion(DisplayName(url), validator.Describe(length)), options, blocks)
    {
        _client = client;
        _url = url;
        _validator = validator;
    }

    /// <summary>Asks the server for the object's length and version.</summary>
    /// <exception cref="FileNotFoundException">the server has no object at the URL (404, 410).</exception>
    /// <exception cref="UnauthorizedAccessException">the server refuses it (401, 403).</exception>
    /// <exception cref="IOException">the server cannot be reached, fails, or does not serve byte ranges.</exception>
    public static HttpRangeSource Open(Uri url, RemoteReadOptions? options = null, ByteBlockCache? blocks = null, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"'{DisplayName(url)}' is not an http(s) URL.", nameof(url));
        }

        options ??= RemoteReadOptions.Default;
        client ??= RemoteHttpClient.Shared;
        var name = DisplayName(url);
        var (length, validator) = CompletedValueTask.ResultOf(new HttpExchange(client, name, options).Send(
            () => new HttpRequestMessage(HttpMethod.Head, url),
            (response, _) => Probe(name, response),
            sync: true,
            CancellationToken.None));
        return new HttpRangeSource(client, url, length, validator, options, blocks);
    }

    /// <summary>The URL as it may be shown and logged: without user information and query (which may hold a signature).</summary>
    public static string DisplayName(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped);
    }

    protected override async ValueTask FetchAsync(Memory<byte> destination, long offset, bool sync, CancellationToken cancellationToken)
    {
        var exchange = new HttpExchange(_client, Name, Options);
        await exchange.Send(
            () =>
            {
                CountRequest();
                var request = new HttpRequestMessage(HttpMethod.Get, _url);
                request.Headers.Range = new RangeHeaderValue(offset, offset + destination.Length - 1);
                _validator.AddPreconditions(request);
                return request;
            },
            async (response, token) =>
            {
                CheckRange(response, offset, destination.Length);
                await HttpExchange.ReadBody(response, destination, sync, token).ConfigureAwait(false);
                return true;
            },
            sync,
            cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask<(long, HttpValidator)> Probe(string name, HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentLength is not { } length)
        {
            throw new IOException($"'{name}': the server gives no Content-Length, so the object cannot be read by ranges.");
        }

        if (!response.Headers.AcceptRanges.Contains("bytes"))
        {
            throw new IOException($"'{name}': the server does not serve byte ranges (no Accept-Ranges: bytes).");
        }

        return ValueTask.FromResult((length, HttpValidator.Of(response)));
    }

    private void CheckRange(HttpResponseMessage response, long offset, int count)
    {
        if (response.StatusCode != HttpStatusCode.PartialContent)
        {
            throw new IOException($"'{Name}': a range request got {(int)response.StatusCode} {response.ReasonPhrase} instead of 206 Partial Content.");
        }

        if (_validator.FindChange(response) is { } change)
        {
            throw new ByteSourceChangedException(Name, change);
        }

        var range = response.Content.Headers.ContentRange;
        if (range is { Length: { } total } && total != Length)
        {
            throw new ByteSourceChangedException(Name, $"its length changed from {Length} to {total} bytes");
        }

        if (range is not { From: { } from, To: { } to } || from != offset || to != offset + count - 1)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"'{Name}': asked for bytes {offset}-{offset + count - 1}, the server sent {range?.ToString() ?? "no Content-Range"}."));
        }
    }
}
