using PadoFs.Images.Sources;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// The mount's <c>storageOptions</c> are s3fs's, as pado's are: they go to the records of s3 objects that bring none
/// of their own, and not to local files or http(s) URLs, which take none.
/// </summary>
public static class MountStorageOptions
{
    public static IReadOnlyDictionary<string, string>? For(string urlpath, IReadOnlyDictionary<string, string>? mountOptions) =>
        mountOptions is not null && RemoteUrlpath.TryParse(urlpath, out var url) && url.Scheme == "s3" ? mountOptions : null;
}
