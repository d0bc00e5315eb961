using System.Globalization;
using System.Net.Http.Headers;

namespace PadoFs.Images.Sources;

/// <summary>
/// The version of an HTTP object as its server states it: the ETag, else the Last-Modified date. Ranged reads send
/// it back as a precondition and compare it with the reply's, since not every server honours the precondition.
/// </summary>
internal sealed record HttpValidator(EntityTagHeaderValue? ETag, DateTimeOffset? LastModified)
{
    public static HttpValidator Of(HttpResponseMessage response) =>
        new(response.Headers.ETag, response.Content.Headers.LastModified);

    public string Describe(long length) =>
        ETag is { } tag ? string.Create(CultureInfo.InvariantCulture, $"etag {tag}, {length} bytes")
        : LastModified is { } date ? string.Create(CultureInfo.InvariantCulture, $"last-modified {date:R}, {length} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{length} bytes");

    /// <summary>
    /// <c>If-Match</c> for a strong ETag (a weak one may not be matched), else <c>If-Unmodified-Since</c>: the server
    /// answers 412 once the object is another version.
    /// </summary>
    public void AddPreconditions(HttpRequestMessage request)
    {
        if (ETag is { IsWeak: false } tag)
        {
            request.Headers.IfMatch.Add(tag);
        }
        else if (LastModified is { } date)
        {
            request.Headers.IfUnmodifiedSince = date;
        }
    }

    /// <summary>What differs between this version and the one <paramref name="response"/> states; null when nothing does.</summary>
    public string? FindChange(HttpResponseMessage response)
    {
        if (ETag is { } tag && response.Headers.ETag is { } now && now.Tag != tag.Tag)
        {
            return $"its ETag changed from {tag.Tag} to {now.Tag}";
        }

        if (ETag is null && LastModified is { } date && response.Content.Headers.LastModified is { } modified && modified != date)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its Last-Modified changed from {date:R} to {modified:R}");
        }

        return null;
    }
}
