using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Backends.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// The chunks of an OpenSlide level read tile by tile from the file, except the tiles OpenSlide paints itself
/// (<see cref="OpenSlideMissingTiles"/>): those are read through OpenSlide's regions, so a tile the file leaves out
/// shows what OpenSlide shows there, the slide's background, not a black tile, with the very pixels a read of the
/// whole level gives (<see cref="OpenSlideLevelCells"/>).
/// </summary>
internal sealed class OpenSlideTiffTileChunks(TiffLevelChunks stored, OpenSlideBackend backend, int level, HashSet<long> paintedByOpenSlide) : IChunkSource
{
    public ChunkGrid Grid => stored.Grid;

    public long StoredByteCount(in ChunkCoordinates chunk) => stored.StoredByteCount(chunk);

    public int ReadStoredBytes(in ChunkCoordinates chunk, Span<byte> destination) => stored.ReadStoredBytes(chunk, destination);

    public void Decode(in ChunkCoordinates chunk, Span<byte> destination)
    {
        var (row, column) = (chunk[Grid.RowAxis], chunk[Grid.RowAxis + 1]);
        if (!paintedByOpenSlide.Contains(((long)row * Grid.ChunkColumns) + column))
        {
            stored.Decode(chunk, destination);
            return;
        }

        OpenSlideLevelCells.Read(backend, level, (long)column * Grid.ChunkWidth, (long)row * Grid.ChunkHeight, Grid.ChunkWidth, Grid.ChunkHeight, destination);
    }
}
