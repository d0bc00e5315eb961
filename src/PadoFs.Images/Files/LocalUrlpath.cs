namespace PadoFs.Images.Files;

/// <summary>Turns an urlpath into a local file path when it names one: a plain path or a <c>file://</c> URL.</summary>
public static class LocalUrlpath
{
    public static bool TryResolve(string urlpath, out string path)
    {
        if (urlpath.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(urlpath, UriKind.Absolute, out var uri) && uri.IsFile)
            {
                path = uri.LocalPath;
                return true;
            }

            path = string.Empty;
            return false;
        }

        // "C:\x" and "/x" are paths; "s3://bucket/x" or "ssh://host/x" are not.
        var scheme = urlpath.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 1)
        {
            path = string.Empty;
            return false;
        }

        path = urlpath;
        return true;
    }
}
