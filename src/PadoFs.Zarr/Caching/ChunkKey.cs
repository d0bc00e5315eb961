using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Zarr.Caching;

/// <summary>
/// Identifies one decoded chunk across the process: the slide (an id its owner gives), the array within the
/// slide (a level, or an associated image), and the chunk's coordinates in the grid of the chunk source behind the
/// array. Layouts share decoded chunks, since the coordinates are the source's, not a layout's.
/// </summary>
public readonly record struct ChunkKey(int Slide, int Array, ChunkCoordinates Chunk);
