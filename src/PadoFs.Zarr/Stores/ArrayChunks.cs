using PadoFs.Zarr.Caching;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The chunks of one array: decoded once into (y, x, s) pixels through the cache, then handed out in the
/// array's layout. Decoded chunks are shared by both layouts, since the key does not name the layout.
/// Starting to read a chunk asks the cache to decode the chunks the reader's pattern says come next
/// (<see cref="ChunkReadAhead"/>), so that decoding runs on other cores ahead of the reader.
/// </summary>
public sealed class ArrayChunks(ArrayGeometry geometry, int slide, int array, IChunkCache cache, ChunkDecoder decode)
{
    private const int MaxPrefetchDepth = 64;

    private readonly ChunkReadAhead? _readAhead = cache.PrefetchDepth > 0
        ? new ChunkReadAhead(geometry.ChunkRows, geometry.ChunkColumns, Math.Min(cache.PrefetchDepth, MaxPrefetchDepth))
        : null;

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
        if (offset == 0)
        {
            PrefetchAfter(row, column, length);
        }

        using var lease = cache.Get(new ChunkKey(slide, array, row, column), length, decode, startsRead: offset == 0);
        if (Geometry.Layout.Axes == AxisOrder.ChannelsFirst && Geometry.Format.Samples > 1)
        {
            ChannelPlanes.Copy(lease.Span, Geometry.Format.Samples, Geometry.Format.BytesPerSample, offset, destination[..count]);
        }
        else
        {
            lease.Span.Slice((int)offset, count).CopyTo(destination);
        }

        return count;
    }

    private void PrefetchAfter(int row, int column, int length)
    {
        if (_readAhead is null)
        {
            return;
        }

        Span<ChunkPosition> ahead = stackalloc ChunkPosition[MaxPrefetchDepth];
        var count = _readAhead.Next(row, column, ahead, out var stillWanted);
        for (var i = 0; i < count; i++)
        {
            cache.Prefetch(new ChunkKey(slide, array, ahead[i].Row, ahead[i].Column), length, decode, stillWanted);
        }
    }
}
