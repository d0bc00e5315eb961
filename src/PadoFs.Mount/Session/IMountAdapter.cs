namespace PadoFs.Mount.Session;

/// <summary>
/// One way a <see cref="MountSession"/> reaches its users (a FUSE mount, an HTTP server, ...). An adapter only
/// translates requests into reads of the session's tree; it owns nothing the session owns. Disposing it detaches it.
/// </summary>
public interface IMountAdapter : IAsyncDisposable
{
    /// <summary>Where it serves, for the log: "FUSE at /mnt/slides", "HTTP at http://127.0.0.1:8080".</summary>
    string Description { get; }

    /// <summary>Completes (or faults) when the adapter stopped serving by itself, never while the session wants it.</summary>
    Task Completion { get; }

    /// <summary>Why it stopped when <see cref="Completion"/> completed without a fault, in the adapter's own words.</summary>
    string EndedReason { get; }
}
