namespace PadoFs.Mount.Tree;

/// <summary>A read-only file of the mounted tree whose length is known exactly before any byte is read.</summary>
public abstract class MountFile : MountNode
{
    protected MountFile(string name, DateTimeOffset modified)
        : base(name, modified)
    {
    }

    /// <summary>
    /// True for a file whose content changes while mounted (the live counters): the OS adapter must not let
    /// the kernel cache it and must ask for its length each time.
    /// </summary>
    public virtual bool IsLive => false;

    /// <summary>True for a file only the mounting user may read when other users see the mount.</summary>
    public virtual bool ForMountOwnerOnly => false;

    /// <summary>The exact number of bytes the file holds.</summary>
    public abstract long Length { get; }

    /// <summary>
    /// Copies bytes from <paramref name="offset"/> into <paramref name="destination"/> and returns how many were
    /// copied: fewer than asked only at the end of the file. Safe to call from many threads at once.
    /// </summary>
    /// <exception cref="IOException">the bytes could not be produced (the slide failed to decode, ...).</exception>
    public abstract int Read(long offset, Span<byte> destination);

    /// <summary>
    /// As <see cref="Read"/>, for adapters whose requests must not block a thread: a chunk another reader is decoding
    /// is awaited. Files whose bytes are at hand complete at once.
    /// </summary>
    /// <exception cref="IOException">the bytes could not be produced.</exception>
    public virtual ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Read(offset, destination.Span));
}
