namespace PadoFs.Images.Files;

/// <summary>
/// Where an image's bytes are reached through (pado's fsspec filesystem). Backends decode local files,
/// so a filesystem hands out a local path for an urlpath.
/// </summary>
public interface IImageFileSystem
{
    /// <summary>True when paths of this filesystem are files of this machine.</summary>
    bool IsLocal { get; }

    /// <summary>The local file to open for <paramref name="urlpath"/>.</summary>
    /// <exception cref="NotSupportedException">the filesystem cannot provide the file locally.</exception>
    string ResolveLocalPath(string urlpath, IReadOnlyDictionary<string, string>? storageOptions);
}
