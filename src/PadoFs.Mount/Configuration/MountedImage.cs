using PadoFs.Images.Records;

namespace PadoFs.Mount.Configuration;

/// <summary>One image of a mount: its record (urlpath resolved) and the folder it appears as, as path parts ending in ".zarr".</summary>
public sealed record MountedImage(int Index, ImageRecord Record, IReadOnlyList<string> FolderParts)
{
    public string FolderPath => string.Join('/', FolderParts);

    /// <summary>Where the image was listed, as a problem names it: <c>images[3]</c>, or a dataset file's row.</summary>
    public string Label { get; init; } = $"images[{Index}]";

    /// <summary>fsspec storage options for a remote slide (its record's, else the mount's); null for none.</summary>
    public IReadOnlyDictionary<string, string>? StorageOptions { get; init; }
}
