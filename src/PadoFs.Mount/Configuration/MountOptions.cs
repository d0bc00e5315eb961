namespace PadoFs.Mount.Configuration;

/// <summary>
/// The settings of a mount config other than its images (<see cref="MountSettings.Keys"/>), bound through
/// Microsoft.Extensions.Configuration (so <c>PADOFS__MOUNTPOINT</c>, <c>PADOFS__CACHE__MAXBYTES</c>, ... override
/// the file). The images are read from the parsed file as pado records by <see cref="MountConfigLoader"/>.
/// </summary>
public sealed class MountOptions
{
    public string? MountPoint { get; set; }

    /// <summary><c>pado</c> (default) or <c>ome-ngff</c>, or another of <c>ZarrLayoutNames.Accepted</c>.</summary>
    public string Layout { get; set; } = "pado";

    /// <summary>2 (default) or 3: the zarr format of every slide's tree.</summary>
    public int ZarrFormat { get; set; } = 2;

    public CacheOptions Cache { get; set; } = new();

    /// <summary>Let other users see the mount (needs <c>user_allow_other</c> in /etc/fuse.conf for non-root).</summary>
    public bool AllowOther { get; set; }

    /// <summary>At most this many slides are open at once; the least recently used idle one is closed first.</summary>
    public int MaxOpenSlides { get; set; } = 64;

    /// <summary>A slide unused for this many seconds is closed; it reopens on the next read.</summary>
    public int IdleSeconds { get; set; } = 300;

    /// <summary>Serve the tree over HTTP and WebDAV too; null when the config has no <c>http</c> section.</summary>
    public HttpOptions? Http { get; set; }
}
