namespace PadoFs.Zarr.Stores;

/// <summary>One key's value in a store: its exact length is known without decoding anything.</summary>
public abstract class ZarrEntry
{
    public abstract long Length { get; }

    /// <summary>Copies bytes from <paramref name="offset"/> into <paramref name="destination"/>; returns how many (fewer only at the end).</summary>
    public abstract int Read(long offset, Span<byte> destination);

    /// <summary>
    /// As <see cref="Read"/>, for callers that must not block a thread while another reader decodes the bytes. Bytes
    /// held in memory are copied at once.
    /// </summary>
    public virtual ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Read(offset, destination.Span));

    /// <summary>The whole value.</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[Length];
        var read = Read(0, bytes);
        return read == bytes.Length ? bytes : throw new IOException($"Read {read} of {bytes.Length} bytes.");
    }
}
