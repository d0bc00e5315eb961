using System.Buffers;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// The chunks of one level of a TIFF series: every plane of the axes before the page's own (channels, z-planes, time
/// points, ...) is one page, each cut into its stored tiles or strips and decoded straight from the file; where the
/// samples of a page are stored in separate planes, each sample is a plane of its own (tifffile's S before Y and X).
/// A level whose stored chunks are too big to serve one at a time (<see cref="FitsOneChunk"/>) is cut into
/// <see cref="ImageLevel.DefaultChunkSize"/> tiles instead, decoded as regions, with no stored sizes.
/// </summary>
internal sealed class TiffLevelChunks : IChunkSource
{
    private readonly TiffFile _file;
    private readonly TiffPageDecoder?[] _pages;
    private readonly bool _byStoredChunk;
    private readonly int _samplePlanes;

    private TiffLevelChunks(TiffFile file, string axes, long[] shape, TiffPageDecoder?[] pages, TiffPageDecoder key)
    {
        _file = file;
        _pages = pages;
        var page = key.Page;
        _samplePlanes = page.PlanarConfiguration == 2 && axes.IndexOf('S', StringComparison.Ordinal) is >= 0 and var s && s < axes.IndexOf('Y', StringComparison.Ordinal)
            ? page.SamplesPerPixel
            : 1;
        var pixelBytes = _samplePlanes > 1 ? key.Format.BytesPerSample : key.Format.BytesPerPixel;
        _byStoredChunk = FitsOneChunk(page, pixelBytes);
        Grid = _byStoredChunk
            ? new ChunkGrid(axes, shape, (int)page.ChunkHeight, (int)page.ChunkWidth, key.Format.Type)
            : new ChunkGrid(axes, shape, ImageLevel.DefaultChunkSize, ImageLevel.DefaultChunkSize, key.Format.Type);
        if (Grid.PlaneCount != pages.Length * _samplePlanes)
        {
            throw new TiffFormatException($"a series over {axes} of {Grid.PlaneCount} planes is stored in {pages.Length} pages");
        }
    }

    public ChunkGrid Grid { get; }

    /// <summary>One page as a 2D image, its samples interleaved: (Y, X) or (Y, X, S).</summary>
    public static TiffLevelChunks OfPage(TiffFile file, TiffPageDecoder decoder)
    {
        var format = decoder.Format;
        return format.Samples == 1
            ? new TiffLevelChunks(file, "YX", [decoder.Page.Height, decoder.Page.Width], [decoder], decoder)
            : new TiffLevelChunks(file, "YXS", [decoder.Page.Height, decoder.Page.Width, format.Samples], [decoder], decoder);
    }

    /// <summary>One level of a series over <paramref name="axes"/>: <paramref name="pages"/> holds the page of every plane (null where the file has none).</summary>
    /// <exception cref="TiffFormatException">the pages do not fill the shape.</exception>
    public static TiffLevelChunks OfSeriesLevel(TiffFile file, string axes, long[] shape, TiffPageDecoder?[] pages, TiffPageDecoder key) =>
        new(file, axes, shape, pages, key);

    /// <summary>True when one stored tile or strip of <paramref name="page"/> decodes to at most <see cref="SlideLevel.MaxChunkBytes"/>.</summary>
    public static bool FitsOneChunk(TiffPage page, int bytesPerPixel) =>
        (double)page.ChunkWidth * page.ChunkHeight * bytesPerPixel <= SlideLevel.MaxChunkBytes;

    public long StoredByteCount(in ChunkCoordinates chunk)
    {
        if (!_byStoredChunk)
        {
            return -1;
        }

        var (decoder, sample) = PageOf(chunk);
        if (decoder is null)
        {
            return 0;
        }

        var page = decoder.Page;
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        var (first, end) = _samplePlanes > 1 ? (sample, sample + 1) : (0, page.ChunkPlanes);
        long sum = 0;
        for (var plane = first; plane < end; plane++)
        {
            var index = page.ChunkIndex(plane, row, column);
            if (index >= page.DataByteCounts.Length)
            {
                return -1;
            }

            sum += page.DataByteCounts[index];
        }

        return sum;
    }

    public int ReadStoredBytes(in ChunkCoordinates chunk, Span<byte> destination)
    {
        var (decoder, sample) = PageOf(chunk);
        if (StoredByteCount(chunk) < 0 || decoder is null)
        {
            return decoder is null && _byStoredChunk ? 0 : -1;
        }

        var page = decoder.Page;
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        var (first, end) = _samplePlanes > 1 ? (sample, sample + 1) : (0, page.ChunkPlanes);
        var written = 0;
        for (var plane = first; plane < end; plane++)
        {
            var index = page.ChunkIndex(plane, row, column);
            var count = checked((int)page.DataByteCounts[index]);
            var offset = index < page.DataOffsets.Length ? page.DataOffsets[index] : -1;
            if (offset < 0 || _file.Read(offset, destination.Slice(written, count)) != count)
            {
                throw new InvalidDataException($"chunk {chunk} of page {page.Index}: its {count} stored bytes at offset {offset} lie outside the file");
            }

            written += count;
        }

        return written;
    }

    public void Decode(in ChunkCoordinates chunk, Span<byte> destination)
    {
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        destination = destination[..Grid.ChunkLength];
        var (decoder, sample) = PageOf(chunk);
        if (decoder is null)
        {
            destination.Clear();
        }
        else if (_byStoredChunk && _samplePlanes > 1)
        {
            decoder.ReadPlaneChunk(sample, row, column, destination);
        }
        else if (_byStoredChunk)
        {
            decoder.ReadChunk(row, column, destination);
        }
        else if (_samplePlanes > 1)
        {
            ReadSampleOfRegion(decoder, sample, row, column, destination);
        }
        else
        {
            decoder.ReadRegion((long)column * Grid.ChunkWidth, (long)row * Grid.ChunkHeight, Grid.ChunkWidth, Grid.ChunkHeight, destination);
        }
    }

    private (TiffPageDecoder? Decoder, int Sample) PageOf(in ChunkCoordinates chunk)
    {
        var plane = Grid.PlaneOf(chunk);
        return (_pages[plane / _samplePlanes], plane % _samplePlanes);
    }

    // A region decodes with its samples interleaved; one of them is gathered into the chunk.
    private void ReadSampleOfRegion(TiffPageDecoder decoder, int sample, int row, int column, Span<byte> destination)
    {
        var sampleBytes = decoder.Format.BytesPerSample;
        var pixelBytes = decoder.Format.BytesPerPixel;
        var length = Grid.ChunkHeight * Grid.ChunkWidth * pixelBytes;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var region = rented.AsSpan(0, length);
            decoder.ReadRegion((long)column * Grid.ChunkWidth, (long)row * Grid.ChunkHeight, Grid.ChunkWidth, Grid.ChunkHeight, region);
            for (int pixel = 0, target = 0; target < destination.Length; pixel += pixelBytes, target += sampleBytes)
            {
                region.Slice(pixel + (sample * sampleBytes), sampleBytes).CopyTo(destination[target..]);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
