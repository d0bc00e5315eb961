using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// The chunks of one OpenSlide level where no stored tile of the file is one: regions read through OpenSlide, on its
/// tile grid where it reports one (<see cref="ImageLevel.DefaultChunkSize"/> squares where not), with no stored sizes.
/// </summary>
internal sealed class OpenSlideRegionChunks(OpenSlideBackend backend, int level) : IChunkSource
{
    public ChunkGrid Grid { get; } = GridOf(backend.Levels[level], backend.PixelFormat.BytesPerPixel);

    public long StoredByteCount(in ChunkCoordinates chunk) => -1;

    public int ReadStoredBytes(in ChunkCoordinates chunk, Span<byte> destination) => -1;

    public void Decode(in ChunkCoordinates chunk, Span<byte> destination)
    {
        var downsample = backend.Levels[level].Downsample;
        var x = (long)Math.Round((long)chunk[Grid.RowAxis + 1] * Grid.ChunkWidth * downsample);
        var y = (long)Math.Round((long)chunk[Grid.RowAxis] * Grid.ChunkHeight * downsample);
        backend.ReadRegion(level, x, y, Grid.ChunkWidth, Grid.ChunkHeight, destination);
    }

    private static ChunkGrid GridOf(SlideLevel level, int bytesPerPixel)
    {
        var tiled = level.TileWidth > 0 && level.TileHeight > 0 && (long)level.TileWidth * level.TileHeight * bytesPerPixel <= SlideLevel.MaxChunkBytes;
        return tiled
            ? ChunkGrid.Planar(level.Height, level.Width, level.TileHeight, level.TileWidth, Pixels.PixelFormat.Rgb8)
            : ChunkGrid.Planar(level.Height, level.Width, ImageLevel.DefaultChunkSize, ImageLevel.DefaultChunkSize, Pixels.PixelFormat.Rgb8);
    }
}
