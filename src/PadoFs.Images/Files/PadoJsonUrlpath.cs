using System.Text.Json;

namespace PadoFs.Images.Files;

/// <summary>
/// pado's JSON urlpath form, <c>{"fs": "&lt;fsspec filesystem as JSON&gt;", "path": "..."}</c>, which
/// <c>urlpathlike_to_string</c> writes for an fsspec file: the filesystem's protocols (or its class) and the path.
/// </summary>
public sealed class PadoJsonUrlpath
{
    private static readonly string[] s_localProtocols = ["file", "local"];

    private PadoJsonUrlpath(IReadOnlyList<string> protocols, string filesystemClass, string path)
    {
        Protocols = protocols;
        FilesystemClass = filesystemClass;
        Path = path;
    }

    /// <summary>The fsspec protocols the filesystem answers to, first its own (<c>s3</c>, <c>file</c>...).</summary>
    public IReadOnlyList<string> Protocols { get; }

    /// <summary>The filesystem's class, as fsspec's JSON names it (<c>fsspec.implementations.local.LocalFileSystem</c>).</summary>
    public string FilesystemClass { get; }

    /// <summary>The path on that filesystem, as fsspec writes it (s3fs drops the scheme: <c>bucket/key</c>).</summary>
    public string Path { get; }

    /// <summary>The filesystem as a message names it: its first protocol, else its class.</summary>
    public string FilesystemName => Protocols.Count > 0 ? Protocols[0] : FilesystemClass;

    public bool IsLocal
    {
        get
        {
            if (Protocols.Count == 0)
            {
                return FilesystemClass.EndsWith(".LocalFileSystem", StringComparison.Ordinal);
            }

            foreach (var protocol in Protocols)
            {
                if (Array.IndexOf(s_localProtocols, protocol) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The URL of the object on an s3 or http(s) filesystem, or null on any other.</summary>
    public string? RemoteUrl => FilesystemName switch
    {
        "s3" or "s3a" => Path.Contains("://", StringComparison.Ordinal) ? Path : "s3://" + Path,
        "http" or "https" => Path,
        _ => null,
    };

    /// <summary>
    /// Reads <paramref name="urlpath"/> when it is JSON. Null when it is not JSON (fsspec takes a file name in braces
    /// as a path too), or when it is JSON but not pado's form, with the reason in <paramref name="problem"/>.
    /// </summary>
    public static PadoJsonUrlpath? TryParse(string urlpath, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(urlpath);
        problem = null;
        if (!urlpath.StartsWith('{') || !urlpath.EndsWith('}'))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(urlpath);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("fs", out var fs) || !root.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                problem = $"urlpath '{urlpath}' is JSON without pado's \"fs\" and \"path\"";
                return null;
            }

            using var filesystem = FilesystemOf(fs);
            if (filesystem is null)
            {
                problem = $"urlpath '{urlpath}' names its filesystem in a form other than fsspec's JSON (a pickled filesystem?), which is not read";
                return null;
            }

            var description = filesystem.RootElement;
            var protocols = new List<string>();
            if (description.TryGetProperty("protocol", out var protocol))
            {
                if (protocol.ValueKind == JsonValueKind.String)
                {
                    protocols.Add(protocol.GetString()!);
                }
                else if (protocol.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in protocol.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            protocols.Add(item.GetString()!);
                        }
                    }
                }
            }

            var filesystemClass = description.TryGetProperty("cls", out var cls) && cls.ValueKind == JsonValueKind.String ? cls.GetString()! : string.Empty;
            return new PadoJsonUrlpath(protocols, filesystemClass, path.GetString()!);
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
}
