using PadoFs.Zarr.Caching;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The chunks of one array: decoded once into (y, x, s) pixels through the cache, then handed out in the
/// array's layout. Decoded chunks are shared by both layouts, since the key does not name the layout.
/// </summary>
public sealed class ArrayChunks(ArrayGeometry geometry, int slide, int array, IChunkCache cache, ChunkDecoder decode)
{
    public ArrayGeometry Geometry { get; } = geometry;

    /// <summary>Copies bytes of chunk (<paramref name="row"/>, <paramref name="column"/>) from <paramref name="offset"/>; returns how many.</summary>
    public int Read(int row, int column, long offset, Span<byte> destination)
    {
        var length = Geometry.ChunkLength;
        if (offset >= length)
        {
            return 0;
        }

        var count = (int)Math.Min(destination.Length, length - offset);
        using var lease = cache.Get(new ChunkKey(slide, array, row, column), length, decode);
        if (Geometry.Layout == ZarrLayout.OmeNgff && Geometry.Format.Samples > 1)
        {
            ChannelPlanes.Copy(lease.Span, Geometry.Format.Samples, Geometry.Format.BytesPerSample, offset, destination[..count]);
        }
        else
        {
            lease.Span.Slice((int)offset, count).CopyTo(destination);
        }

        return count;
    }
}
