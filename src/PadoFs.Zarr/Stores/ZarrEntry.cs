namespace PadoFs.Zarr.Stores;

/// <summary>One key's value in a store: its exact length is known without decoding anything.</summary>
public abstract class ZarrEntry
{
    public abstract long Length { get; }

    /// <summary>Copies bytes from <paramref name="offset"/> into <paramref name="destination"/>; returns how many (fewer only at the end).</summary>
    public abstract int Read(long offset, Span<byte> destination);

    /// <summary>The whole value.</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[Length];
        var read = Read(0, bytes);
        return read == bytes.Length ? bytes : throw new IOException($"Read {read} of {bytes.Length} bytes.");
    }
}
