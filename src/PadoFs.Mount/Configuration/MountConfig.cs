using PadoFs.Zarr;
using PadoFs.Zarr.Formats;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// A validated mount config: everything resolved, every image placed. <see cref="MountPoint"/> is null where the tree
/// is not to be mounted (<c>padofs serve</c>).
/// </summary>
public sealed record MountConfig(
    string ConfigPath,
    string? MountPoint,
    ZarrLayout Layout,
    long? CacheBudgetBytes,
    bool AllowOther,
    int MaxOpenSlides,
    TimeSpan IdleTimeout,
    IReadOnlyList<MountedImage> Images)
{
    /// <summary>The zarr format of every slide's tree.</summary>
    public ZarrFormat Format { get; init; } = ZarrFormat.V2;

    /// <summary>How to serve the tree over HTTP and WebDAV, or null for not at all.</summary>
    public HttpServing? Http { get; init; }

    /// <summary>What mounts but deserves a line in the log: no images, missing slide files. One line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
