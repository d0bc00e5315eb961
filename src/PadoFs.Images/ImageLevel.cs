namespace PadoFs.Images;

/// <summary>
/// One pyramid level of an opened image and its chunk grid: one chunk per stored tile (or strip) where
/// the file is a tiled TIFF, the backend's tile otherwise, <see cref="DefaultChunkSize"/> when neither has one.
/// </summary>
public sealed record ImageLevel(int Index, long Width, long Height, double Downsample, int ChunkWidth, int ChunkHeight)
{
    /// <summary>The chunk edge for formats without a tile grid.</summary>
    public const int DefaultChunkSize = 512;

    public int ChunkRows => (int)((Height + ChunkHeight - 1) / ChunkHeight);

    public int ChunkColumns => (int)((Width + ChunkWidth - 1) / ChunkWidth);
}
