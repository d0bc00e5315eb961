namespace PadoFs.Zarr.Caching;

/// <summary>Decoded chunk bytes held for a reader until it releases them.</summary>
public interface IChunkBuffer
{
    ReadOnlySpan<byte> Span { get; }

    /// <summary>Called exactly once per lease, when the reader is done with <see cref="Span"/>.</summary>
    void Release();
}
