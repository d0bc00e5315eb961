namespace PadoFs.Zarr.Stores;

/// <summary>Numbers the arrays of one slide for cache keys: tiled levels, whole-level chunkings and associated images never collide.</summary>
internal static class ArrayIds
{
    private const int WholeLevelBase = 1 << 20;

    public static int Level(int level, ChunkMode mode) => mode == ChunkMode.Level ? WholeLevelBase + level : level;

    public static int Associated(int index) => -1 - index;
}
