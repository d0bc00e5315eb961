using System.Buffers;

namespace PadoFs.Zarr.Caching;

/// <summary>Decodes every request into a pooled buffer and forgets it on release: for one-pass work such as export.</summary>
public sealed class UncachedChunks : IChunkCache
{
    public static UncachedChunks Instance { get; } = new();

    public ChunkLease Get(ChunkKey key, int length, ChunkDecoder decode, bool startsRead)
    {
        var buffer = new PooledBuffer(length);
        try
        {
            decode(key, buffer.Writable);
        }
        catch
        {
            buffer.Release();
            throw;
        }

        return new ChunkLease(buffer);
    }

    // Nothing is shared, so nobody waits: the caller decodes, as in Get.
    public ValueTask<ChunkLease> GetAsync(ChunkKey key, int length, ChunkDecoder decode, bool startsRead, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(key, length, decode, startsRead));

    public int PrefetchDepth => 0;

    public void Prefetch(ChunkKey key, int length, ChunkDecoder decode, CancellationToken stillWanted)
    {
    }

    private sealed class PooledBuffer(int length) : IChunkBuffer
    {
        private byte[]? _array = ArrayPool<byte>.Shared.Rent(length);

        public Span<byte> Writable => _array.AsSpan(0, length);

        public ReadOnlySpan<byte> Span => _array.AsSpan(0, length);

        public void Release()
        {
            var array = Interlocked.Exchange(ref _array, null);
            if (array is not null)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
