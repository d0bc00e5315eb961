using PadoFs.Images.Files;

namespace PadoFs.Images.Sources;

/// <summary>
/// Recognises the urlpaths of remote slides: <c>s3://bucket/key</c>, <c>http(s)://…</c>, and pado's JSON form
/// (<see cref="PadoJsonUrlpath"/>) of an s3 or http(s) filesystem.
/// </summary>
public static class RemoteUrlpath
{
    /// <summary>True when <paramref name="urlpath"/> names a remote object, which <paramref name="url"/> then locates.</summary>
    public static bool TryParse(string urlpath, out Uri url)
    {
        ArgumentNullException.ThrowIfNull(urlpath);
        var text = PadoJsonUrlpath.TryParse(urlpath, out _)?.RemoteUrl ?? urlpath;
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "s3" or "http" or "https")
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }
}
