namespace PadoFs.Http;

/// <summary>The URL paths of the tree's nodes: each name percent-encoded, folders ending in '/'.</summary>
internal static class NodePaths
{
    /// <summary><paramref name="path"/> (a decoded request path) as a folder's href: encoded, ending in '/'.</summary>
    public static string FolderHref(string path)
    {
        var href = Encode(path);
        return href.EndsWith('/') ? href : href + "/";
    }

    /// <summary>The href of <paramref name="name"/> inside the folder whose href is <paramref name="folderHref"/>.</summary>
    public static string Child(string folderHref, string name, bool isFolder) =>
        folderHref + Uri.EscapeDataString(name) + (isFolder ? "/" : string.Empty);

    /// <summary>A decoded path, every segment encoded.</summary>
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
