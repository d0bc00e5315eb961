namespace PadoFs.Fuse;

/// <summary>How a tree is mounted through FUSE.</summary>
public sealed record FuseMountOptions
{
    /// <summary>Let users other than the mounting one see the mount (needs user_allow_other in /etc/fuse.conf unless root).</summary>
    public bool AllowOther { get; init; }

    /// <summary>Mount with the read-only flag, so the kernel refuses writes itself; the tree refuses them either way.</summary>
    public bool ReadOnly { get; init; } = true;

    /// <summary>Let libfuse trace every request to stderr.</summary>
    public bool Debug { get; init; }

    /// <summary>The most requests served at once: libfuse's worker threads.</summary>
    public int MaxThreads { get; init; } = 16;

    /// <summary>
    /// The kernel's read-ahead for the mount, in KiB; 0 keeps the kernel's default (128 KiB). FUSE read requests are
    /// at most this large, so a large value lets whole chunks arrive in one request (libfuse 3.14 allows 1 MiB).
    /// </summary>
    public int ReadAheadKiB { get; init; } = 1024;

    /// <summary>How long the kernel may cache names, attributes and absent names; the tree never changes while mounted.</summary>
    public TimeSpan CacheTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long <see cref="FuseMount.Stop"/> waits for the request loop to end.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long mounting waits for the kernel's first request (INIT) to be answered.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
