using System.Text.Json;

namespace PadoFs.Images.Sources;

/// <summary>
/// Recognises the urlpaths of remote slides: <c>s3://bucket/key</c>, <c>http(s)://…</c>, and pado's JSON form
/// <c>{"fs": "&lt;fsspec filesystem as JSON&gt;", "path": "…"}</c> of an s3 or http(s) filesystem.
/// </summary>
public static class RemoteUrlpath
{
    /// <summary>True when <paramref name="urlpath"/> names a remote object, which <paramref name="url"/> then locates.</summary>
    public static bool TryParse(string urlpath, out Uri url)
    {
        ArgumentNullException.ThrowIfNull(urlpath);
        var text = urlpath.StartsWith('{') ? FromJsonForm(urlpath) ?? urlpath : urlpath;
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "s3" or "http" or "https")
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }

    // pado writes fsspec's JSON of the filesystem as a string inside its own JSON; s3fs drops the scheme from paths.
    private static string? FromJsonForm(string urlpath)
    {
        try
        {
            using var document = JsonDocument.Parse(urlpath);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("fs", out var fs) || !root.TryGetProperty("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            using var filesystem = fs.ValueKind == JsonValueKind.String ? JsonDocument.Parse(fs.GetString()!) : JsonDocument.Parse(fs.GetRawText());
            var path = pathValue.GetString()!;
            return ProtocolOf(filesystem.RootElement) switch
            {
                "s3" or "s3a" => path.Contains("://", StringComparison.Ordinal) ? path : "s3://" + path,
                "http" or "https" => path,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ProtocolOf(JsonElement filesystem)
    {
        if (filesystem.ValueKind != JsonValueKind.Object || !filesystem.TryGetProperty("protocol", out var protocol))
        {
            return null;
        }

        return protocol.ValueKind switch
        {
            JsonValueKind.String => protocol.GetString(),
            JsonValueKind.Array when protocol.GetArrayLength() > 0 && protocol[0].ValueKind == JsonValueKind.String => protocol[0].GetString(),
            _ => null,
        };
    }
}
