using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace PadoFs.Http;

/// <summary>
/// Cross-origin reads for browser viewers (CORS): a request from a configured origin (or any, for <c>*</c>) is let
/// read the answer and the headers a zarr reader needs; a preflight is answered here, before the token is asked for,
/// since browsers send none with it.
/// </summary>
internal sealed class CrossOrigin(IReadOnlyList<string> origins)
{
    private const string ExposedHeaders = "Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified, DAV";
    private const string DefaultAllowedHeaders = "Authorization, Range, If-None-Match, If-Range, Depth, Content-Type";

    private readonly bool _any = origins.Contains("*");
    private readonly HashSet<string> _origins = new(origins, StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds the cross-origin headers the request's origin may have; true when the request was a preflight, now answered.</summary>
    public bool Apply(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        var allowed = _any || _origins.Contains(origin);
        response.Headers.Vary = "Origin";
        if (allowed)
        {
            response.Headers.AccessControlAllowOrigin = origin;
            response.Headers.AccessControlExposeHeaders = ExposedHeaders;
        }

        if (!HttpMethods.IsOptions(request.Method) || StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod))
        {
            return false;
        }

        // A preflight from an origin not listed gets no permission: the browser then refuses the request itself.
        if (allowed)
        {
            response.Headers.AccessControlAllowMethods = TreeRequests.AllowedMethods;
            var asked = request.Headers.AccessControlRequestHeaders;
            response.Headers.AccessControlAllowHeaders = StringValues.IsNullOrEmpty(asked) ? DefaultAllowedHeaders : asked;
            response.Headers.AccessControlMaxAge = "600";
        }

        response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }

    /// <summary>The cross-origin headers of an answer, to keep when the rest of it is replaced by an error.</summary>
    public static List<KeyValuePair<string, StringValues>> Kept(IHeaderDictionary headers)
    {
        var kept = new List<KeyValuePair<string, StringValues>>();
        foreach (var header in headers)
        {
            if (header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Vary", StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(header);
            }
        }

        return kept;
    }
}
