namespace PadoFs.Zarr.Stores;

/// <summary>A metadata document (<c>.zgroup</c>, <c>.zattrs</c>, <c>.zarray</c>) held as bytes.</summary>
public sealed class ZarrDocument(byte[] bytes) : ZarrEntry
{
    public override long Length => bytes.Length;

    public override int Read(long offset, Span<byte> destination)
    {
        if (offset >= bytes.Length)
        {
            return 0;
        }

        var available = bytes.AsSpan((int)offset);
        var count = Math.Min(available.Length, destination.Length);
        available[..count].CopyTo(destination);
        return count;
    }
}
