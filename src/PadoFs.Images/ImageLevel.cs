using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Images;

/// <summary>
/// One pyramid level of an opened image and its chunk grid: one chunk per stored tile (or strip) where
/// the file is a tiled TIFF, the backend's tile otherwise, <see cref="DefaultChunkSize"/> when neither has one.
/// </summary>
public sealed record ImageLevel(int Index, double Downsample, ChunkGrid Grid)
{
    /// <summary>The chunk edge for formats without a tile grid.</summary>
    public const int DefaultChunkSize = 512;

    public long Width => Grid.Width;

    public long Height => Grid.Height;

    public int ChunkWidth => Grid.ChunkWidth;

    public int ChunkHeight => Grid.ChunkHeight;

    public int ChunkRows => Grid.ChunkRows;

    public int ChunkColumns => Grid.ChunkColumns;
}
