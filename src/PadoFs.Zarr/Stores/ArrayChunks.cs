using PadoFs.Images.Backends.Chunks;
using PadoFs.Zarr.Caching;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// The chunks of one array: decoded once into the source's pixels (samples interleaved) through the cache, then
/// handed out in the array's layout. Decoded chunks are shared by both layouts, since the key does not name the
/// layout. Starting to read a chunk asks the cache to decode the chunks the reader's pattern on that chunk's Y/X
/// plane says come next (<see cref="ChunkReadAhead"/>, one per plane), so that decoding runs on other cores ahead of
/// the reader.
/// </summary>
public sealed class ArrayChunks(ArrayGeometry geometry, int slide, long source, int array, IChunkCache cache, ChunkDecoder decode)
{
    private const int MaxPrefetchDepth = 64;

    private readonly ChunkReadAhead?[]? _readAhead = cache.PrefetchDepth > 0 ? new ChunkReadAhead?[geometry.Grid.PlaneCount] : null;

    public ArrayGeometry Geometry { get; } = geometry;

    /// <summary>Copies bytes of <paramref name="chunk"/> from <paramref name="offset"/>; returns how many.</summary>
    public int Read(in ChunkCoordinates chunk, long offset, Span<byte> destination)
    {
        if (!BeginRead(chunk, offset))
        {
            return 0;
        }

        using var lease = cache.Get(new ChunkKey(slide, source, array, chunk), Geometry.ChunkLength, decode, startsRead: offset == 0);
        return CopyOut(lease, offset, destination);
    }

    /// <summary>As <see cref="Read"/>, awaiting a decode another reader has under way instead of blocking on it.</summary>
    public ValueTask<int> ReadAsync(ChunkCoordinates chunk, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (!BeginRead(chunk, offset))
        {
            return ValueTask.FromResult(0);
        }

        var pending = cache.GetAsync(new ChunkKey(slide, source, array, chunk), Geometry.ChunkLength, decode, startsRead: offset == 0, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            using var lease = pending.Result;
            return ValueTask.FromResult(CopyOut(lease, offset, destination.Span));
        }

        return CopyOutAsync(pending, offset, destination);
    }

    private async ValueTask<int> CopyOutAsync(ValueTask<ChunkLease> pending, long offset, Memory<byte> destination)
    {
        using var lease = await pending.ConfigureAwait(false);
        return CopyOut(lease, offset, destination.Span);
    }

    // False past the chunk's end. A read from the chunk's start asks for the chunks the reader will want next.
    private bool BeginRead(in ChunkCoordinates chunk, long offset)
    {
        var length = Geometry.ChunkLength;
        if (offset >= length)
        {
            return false;
        }

        if (offset == 0)
        {
            PrefetchAfter(chunk, length);
        }

        return true;
    }

    private int CopyOut(in ChunkLease lease, long offset, Span<byte> destination)
    {
        var count = (int)Math.Min(destination.Length, Geometry.ChunkLength - offset);
        if (Geometry.SamplesToPlanes)
        {
            ChannelPlanes.Copy(lease.Span, Geometry.Format.Samples, Geometry.Format.BytesPerSample, offset, destination[..count]);
        }
        else
        {
            lease.Span.Slice((int)offset, count).CopyTo(destination);
        }

        return count;
    }

    private void PrefetchAfter(in ChunkCoordinates chunk, int length)
    {
        if (_readAhead is null)
        {
            return;
        }

        var grid = Geometry.Grid;
        var plane = grid.PlaneOf(chunk);
        var readAhead = Volatile.Read(ref _readAhead[plane]);
        if (readAhead is null)
        {
            var created = new ChunkReadAhead(grid.ChunkRows, grid.ChunkColumns, Math.Min(cache.PrefetchDepth, MaxPrefetchDepth));
            readAhead = Interlocked.CompareExchange(ref _readAhead[plane], created, null) ?? created;
        }

        Span<ChunkPosition> ahead = stackalloc ChunkPosition[MaxPrefetchDepth];
        var count = readAhead.Next(chunk[grid.RowAxis], chunk[grid.RowAxis + 1], ahead, out var stillWanted);
        for (var i = 0; i < count; i++)
        {
            var next = chunk.WithRowColumn(grid.RowAxis, ahead[i].Row, ahead[i].Column);
            cache.Prefetch(new ChunkKey(slide, source, array, next), length, decode, stillWanted);
        }
    }
}
