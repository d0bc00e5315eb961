using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Zarr.Stores;

/// <summary>One chunk file of an array: its length is fixed by the geometry, its bytes are decoded on read.</summary>
public sealed class ZarrChunk(ArrayChunks chunks, ChunkCoordinates chunk) : ZarrEntry
{
    public override long Length => chunks.Geometry.ChunkLength;

    public override int Read(long offset, Span<byte> destination) => chunks.Read(chunk, offset, destination);

    public override ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken) =>
        chunks.ReadAsync(chunk, offset, destination, cancellationToken);
}
