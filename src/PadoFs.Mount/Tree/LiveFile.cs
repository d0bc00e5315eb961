namespace PadoFs.Mount.Tree;

/// <summary>
/// A small file rendered from live state. A read from offset 0 takes a new snapshot and later offsets read the
/// same snapshot, so a reader going through the file sees one consistent document.
/// </summary>
public sealed class LiveFile(string name, DateTimeOffset modified, Func<byte[]> render) : MountFile(name, modified)
{
    private byte[]? _snapshot;

    public override bool IsLive => true;

    public override long Length => (_snapshot = render()).Length;

    public override int Read(long offset, Span<byte> destination)
    {
        var snapshot = offset == 0 || _snapshot is null ? _snapshot = render() : _snapshot;
        if (offset >= snapshot.Length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, snapshot.Length - offset);
        snapshot.AsSpan((int)offset, count).CopyTo(destination);
        return count;
    }
}
