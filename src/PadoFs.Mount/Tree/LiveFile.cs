namespace PadoFs.Mount.Tree;

/// <summary>
/// A small file rendered from live state. Only a read from offset 0 takes a new snapshot; the length and later
/// offsets come from the latest snapshot, so a reader going through the file sees one consistent document.
/// </summary>
public sealed class LiveFile(string name, DateTimeOffset modified, Func<byte[]> render, bool forMountOwnerOnly = false) : MountFile(name, modified)
{
    private byte[]? _snapshot;

    public override bool IsLive => true;

    public override bool ForMountOwnerOnly => forMountOwnerOnly;

    public override long Length => (Volatile.Read(ref _snapshot) ?? Renew()).Length;

    public override int Read(long offset, Span<byte> destination)
    {
        var snapshot = offset == 0 ? Renew() : Volatile.Read(ref _snapshot) ?? Renew();
        if (offset >= snapshot.Length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, snapshot.Length - offset);
        snapshot.AsSpan((int)offset, count).CopyTo(destination);
        return count;
    }

    /// <summary>Renders the document now and returns it, for an adapter that serves it whole with its exact length.</summary>
    public byte[] Snapshot() => Renew();

    private byte[] Renew()
    {
        var snapshot = render();
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }
}
