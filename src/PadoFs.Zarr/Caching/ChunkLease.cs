namespace PadoFs.Zarr.Caching;

/// <summary>A reader's hold on decoded chunk bytes; dispose it as soon as the bytes are copied out.</summary>
public readonly struct ChunkLease(IChunkBuffer buffer) : IDisposable
{
    public ReadOnlySpan<byte> Span => buffer.Span;

    public void Dispose() => buffer.Release();
}
