namespace PadoFs.Zarr.Stores;

/// <summary>One chunk file of an array: its length is fixed by the geometry, its bytes are decoded on read.</summary>
public sealed class ZarrChunk(ArrayChunks chunks, int row, int column) : ZarrEntry
{
    public override long Length => chunks.Geometry.ChunkLength;

    public override int Read(long offset, Span<byte> destination) => chunks.Read(row, column, offset, destination);
}
