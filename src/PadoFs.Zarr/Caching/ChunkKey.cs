using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Zarr.Caching;

/// <summary>
/// Identifies one decoded chunk across the process: the slide (an id its owner gives), the version of the bytes it
/// was decoded from (<see cref="PadoFs.Images.Sources.ByteSourceVersion.Fingerprint"/>: another file or object
/// version never finds this one's chunks), the array within the slide (a level, or an associated image), and the
/// chunk's coordinates in the grid of the chunk source behind the array. Layouts share decoded chunks, since the
/// coordinates are the source's, not a layout's.
/// </summary>
public readonly record struct ChunkKey(int Slide, long Source, int Array, ChunkCoordinates Chunk);
