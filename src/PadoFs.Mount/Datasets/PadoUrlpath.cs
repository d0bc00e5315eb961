using PadoFs.Images.Files;
using PadoFs.Images.Sources;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// The slide a dataset record's <c>urlpath</c> names, found as pado finds it: a plain path or <c>file://</c> URL
/// (fsspec), or pado's JSON form <c>{"fs": "&lt;fsspec filesystem as JSON&gt;", "path": "..."}</c> (what
/// <c>urlpathlike_to_string</c> writes for an fsspec file). A relative path is relative to the working folder, as
/// fsspec's local filesystem takes it, and <c>~</c> is the home folder. An s3 or http(s) object, as a URL or in the
/// JSON form, stays its URL and is read as a remote slide. Other filesystems are refused.
/// </summary>
public static class PadoUrlpath
{
    /// <summary>The absolute local path or the remote object's URL, or null with the reason in <paramref name="problem"/>.</summary>
    public static string? TryResolve(string urlpath, string workingFolder, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(urlpath);
        var path = urlpath;
        if (PadoJsonUrlpath.TryParse(urlpath, out problem) is { } json)
        {
            if (json.RemoteUrl is { } remoteUrl && RemoteUrlpath.TryParse(remoteUrl, out _))
            {
                return remoteUrl;
            }

            if (!json.IsLocal)
            {
                problem = $"urlpath is on the fsspec filesystem '{json.FilesystemName}'; only local files and s3 or http(s) objects are mounted";
                return null;
            }

            path = json.Path;
        }
        else if (problem is not null)
        {
            return null;
        }
        else if (RemoteUrlpath.TryParse(urlpath, out _))
        {
            return urlpath;
        }
        else if (urlpath.Contains("::", StringComparison.Ordinal))
        {
            problem = $"urlpath '{urlpath}' chains fsspec filesystems; only local files and s3 or http(s) objects are mounted";
            return null;
        }

        if (path.StartsWith("local://", StringComparison.Ordinal))
        {
            path = path["local://".Length..];
        }

        if (!LocalUrlpath.TryResolve(path, out var local))
        {
            problem = $"urlpath '{urlpath}' is not on the local filesystem; only local files and s3 or http(s) objects are mounted";
            return null;
        }

        if (local.Length == 0 || local.Contains('\0', StringComparison.Ordinal))
        {
            problem = $"urlpath '{urlpath}' names no file";
            return null;
        }

        if (local == "~" || local.StartsWith("~/", StringComparison.Ordinal))
        {
            local = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + local[1..];
        }

        problem = null;
        return Path.GetFullPath(local, workingFolder);
    }
}
