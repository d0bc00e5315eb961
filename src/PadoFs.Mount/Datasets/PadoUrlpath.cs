using System.Text.Json;
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
    private static readonly string[] s_localProtocols = ["file", "local"];

    /// <summary>The absolute local path or the remote object's URL, or null with the reason in <paramref name="problem"/>.</summary>
    public static string? TryResolve(string urlpath, string workingFolder, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(urlpath);
        if (RemoteUrlpath.TryParse(urlpath, out var remote))
        {
            problem = null;
            return remote.OriginalString;
        }

        var path = urlpath;
        if (urlpath.StartsWith('{') && urlpath.EndsWith('}'))
        {
            path = PathOfJsonForm(urlpath, out problem);
            if (path is null)
            {
                return null;
            }
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

    private static string? PathOfJsonForm(string urlpath, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(urlpath);
        }
        catch (JsonException)
        {
            // fsspec would take it as a path; a file name in braces is a path too.
            problem = null;
            return urlpath;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("fs", out var fs) || !root.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                problem = $"urlpath '{urlpath}' is JSON without pado's \"fs\" and \"path\"";
                return null;
            }

            var filesystem = FilesystemOf(fs);
            if (filesystem is null)
            {
                problem = $"urlpath '{urlpath}' names its filesystem in a form other than fsspec's JSON (a pickled filesystem?), which is not read";
                return null;
            }

            using (filesystem)
            {
                if (!IsLocal(filesystem.RootElement, out var name))
                {
                    problem = $"urlpath is on the fsspec filesystem '{name}'; only local files and s3 or http(s) objects are mounted";
                    return null;
                }
            }

            problem = null;
            return path.GetString();
        }
    }

    // pado writes the filesystem as a JSON string inside the JSON; an object in its place is taken as well.
    private static JsonDocument? FilesystemOf(JsonElement fs)
    {
        try
        {
            var document = fs.ValueKind switch
            {
                JsonValueKind.String => JsonDocument.Parse(fs.GetString()!),
                JsonValueKind.Object => JsonDocument.Parse(fs.GetRawText()),
                _ => null,
            };
            if (document is { RootElement.ValueKind: not JsonValueKind.Object })
            {
                document.Dispose();
                return null;
            }

            return document;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsLocal(JsonElement filesystem, out string name)
    {
        var protocols = new List<string>();
        if (filesystem.TryGetProperty("protocol", out var protocol))
        {
            if (protocol.ValueKind == JsonValueKind.String)
            {
                protocols.Add(protocol.GetString()!);
            }
            else if (protocol.ValueKind == JsonValueKind.Array)
            {
                protocols.AddRange(protocol.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!));
            }
        }

        var cls = filesystem.TryGetProperty("cls", out var clsValue) && clsValue.ValueKind == JsonValueKind.String ? clsValue.GetString()! : string.Empty;
        name = protocols.Count > 0 ? protocols[0] : cls;
        return protocols.Count > 0 ? protocols.Any(s_localProtocols.Contains) : cls.EndsWith(".LocalFileSystem", StringComparison.Ordinal);
    }
}
