namespace PadoFs.Images.Sources;

/// <summary>Opens the byte source a remote url calls for: S3 for <c>s3://</c>, HTTP ranges for <c>http(s)://</c>.</summary>
public static class RemoteSources
{
    /// <exception cref="FileNotFoundException">the server has no such object.</exception>
    /// <exception cref="UnauthorizedAccessException">the server refuses it.</exception>
    /// <exception cref="ArgumentException">the storage options cannot be used for the url's scheme.</exception>
    /// <exception cref="IOException">the server cannot be reached or fails.</exception>
    public static RemoteObjectSource Open(Uri url, IReadOnlyDictionary<string, string>? storageOptions, RemoteReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme == "s3")
        {
            return S3ObjectSource.Open(url, S3StorageOptions.From(storageOptions), options);
        }

        if (storageOptions is { Count: > 0 })
        {
            throw new ArgumentException($"storage options ({string.Join(", ", storageOptions.Keys)}) are for s3:// slides; an http(s) URL takes none.");
        }

        return HttpRangeSource.Open(url, options);
    }
}
