namespace PadoFs.Images.Files;

/// <summary>The machine's own filesystem: plain paths and <c>file://</c> URLs.</summary>
public sealed class LocalImageFileSystem : IImageFileSystem
{
    public static LocalImageFileSystem Instance { get; } = new();

    public bool IsLocal => true;

    public string ResolveLocalPath(string urlpath, IReadOnlyDictionary<string, string>? storageOptions) =>
        LocalUrlpath.TryResolve(urlpath, out var path)
            ? path
            : throw new NotSupportedException($"'{urlpath}' is not a local file; only local paths and file:// URLs can be opened.");
}
