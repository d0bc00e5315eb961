using PadoFs.Zarr;
using PadoFs.Zarr.Formats;

namespace PadoFs.Mount.Configuration;

/// <summary>A validated mount config: everything resolved, every image placed.</summary>
public sealed record MountConfig(
    string ConfigPath,
    string MountPoint,
    ZarrLayout Layout,
    long? CacheBudgetBytes,
    bool AllowOther,
    int MaxOpenSlides,
    TimeSpan IdleTimeout,
    IReadOnlyList<MountedImage> Images)
{
    /// <summary>The zarr format of every slide's tree.</summary>
    public ZarrFormat Format { get; init; } = ZarrFormat.V2;

    /// <summary>What mounts but deserves a line in the log: no images, missing slide files. One line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
