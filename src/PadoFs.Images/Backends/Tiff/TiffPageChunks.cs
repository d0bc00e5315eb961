using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// The chunks of one TIFF page: one per stored tile or strip, decoded straight from the file. A page whose stored
/// chunks are too big to serve one at a time (<see cref="FitsOneChunk"/>) is cut into
/// <see cref="ImageLevel.DefaultChunkSize"/> tiles instead, decoded as regions, with no stored sizes.
/// </summary>
internal sealed class TiffPageChunks : IChunkSource
{
    private readonly TiffFile _file;
    private readonly TiffPageDecoder _decoder;
    private readonly bool _byStoredChunk;

    public TiffPageChunks(TiffFile file, TiffPageDecoder decoder)
    {
        _file = file;
        _decoder = decoder;
        var page = decoder.Page;
        _byStoredChunk = FitsOneChunk(page, decoder.Format.BytesPerPixel);
        Grid = _byStoredChunk
            ? ChunkGrid.Planar(page.Height, page.Width, (int)page.ChunkHeight, (int)page.ChunkWidth, decoder.Format)
            : ChunkGrid.Planar(page.Height, page.Width, ImageLevel.DefaultChunkSize, ImageLevel.DefaultChunkSize, decoder.Format);
    }

    public ChunkGrid Grid { get; }

    public TiffPage Page => _decoder.Page;

    /// <summary>True when one stored tile or strip of <paramref name="page"/> decodes to at most <see cref="SlideLevel.MaxChunkBytes"/>.</summary>
    public static bool FitsOneChunk(TiffPage page, int bytesPerPixel) =>
        (double)page.ChunkWidth * page.ChunkHeight * bytesPerPixel <= SlideLevel.MaxChunkBytes;

    public long StoredByteCount(in ChunkCoordinates chunk)
    {
        if (!_byStoredChunk)
        {
            return -1;
        }

        var page = _decoder.Page;
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        long sum = 0;
        for (var plane = 0; plane < page.ChunkPlanes; plane++)
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
        if (StoredByteCount(chunk) < 0)
        {
            return -1;
        }

        var page = _decoder.Page;
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        var written = 0;
        for (var plane = 0; plane < page.ChunkPlanes; plane++)
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
        if (_byStoredChunk)
        {
            _decoder.ReadChunk(row, column, destination);
        }
        else
        {
            _decoder.ReadRegion((long)column * Grid.ChunkWidth, (long)row * Grid.ChunkHeight, Grid.ChunkWidth, Grid.ChunkHeight, destination);
        }
    }
}
