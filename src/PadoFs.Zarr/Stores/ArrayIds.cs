namespace PadoFs.Zarr.Stores;

/// <summary>Numbers the arrays of one slide for cache keys: tiled levels, whole-level chunkings, the levels of other series and associated images never collide.</summary>
internal static class ArrayIds
{
    private const int WholeLevelBase = 1 << 20;

    // Above every whole-level id: the levels of series n (n >= 1) start at n times this.
    private const int SeriesBase = 1 << 21;

    public static int Level(int level, ChunkMode mode, int series = 0) =>
        series != 0 ? checked((SeriesBase * series) + level) : mode == ChunkMode.Level ? WholeLevelBase + level : level;

    public static int Associated(int index) => -1 - index;
}
