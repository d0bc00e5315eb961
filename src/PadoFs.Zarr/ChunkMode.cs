namespace PadoFs.Zarr;

/// <summary>How a level is cut into chunks (the values of tifffile's and pado's <c>chunkmode</c>).</summary>
public enum ChunkMode
{
    /// <summary>One chunk per stored tile or strip: one decode per chunk.</summary>
    Tile = 0,

    /// <summary>The whole level as one chunk.</summary>
    Level = 2,
}
