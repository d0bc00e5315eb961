namespace PadoFs.Zarr.Stores;

/// <summary>A chunk's place in its array's chunk grid.</summary>
public readonly record struct ChunkPosition(int Row, int Column);
