namespace PadoFs.Images.Files;

/// <summary>The machine's own filesystem: plain paths and <c>file://</c> URLs.</summary>
public sealed class LocalImageFileSystem : IImageFileSystem
{
    public static LocalImageFileSystem Instance { get; } = new();

    public bool IsLocal => true;

    public string ResolveLocalPath(string urlpath, IReadOnlyDictionary<string, string>? storageOptions) =>
        LocalUrlpath.TryResolve(urlpath, out var path)
            ? path
            : throw new NotSupportedException($"'{urlpath}' has a scheme PadoFs does not read: slides are local paths or file://, http(s):// or s3:// URLs.");
}
