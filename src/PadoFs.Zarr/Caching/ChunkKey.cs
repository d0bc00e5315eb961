namespace PadoFs.Zarr.Caching;

/// <summary>
/// Identifies one decoded chunk across the process: the slide (an id its owner gives), the array within the
/// slide (a level, or an associated image), and the chunk's place in the grid. Layouts share decoded chunks.
/// </summary>
public readonly record struct ChunkKey(int Slide, int Array, int Row, int Column);
