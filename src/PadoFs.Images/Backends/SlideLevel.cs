namespace PadoFs.Images.Backends;

/// <summary>
/// One pyramid level as a backend sees it. <see cref="TileWidth"/> and <see cref="TileHeight"/> are the
/// backend's preferred read size (0 when it has none); the TIFF structure, where there is one, decides chunks.
/// </summary>
public sealed record SlideLevel(long Width, long Height, double Downsample, int TileWidth, int TileHeight)
{
    /// <summary>
    /// The most bytes one stored tile or strip may take decoded (a 4096 x 4096 RGB tile): a larger one is not served
    /// as one chunk, not decoded by our TIFF reader, and keeps a TIFF from being handed to OpenSlide, which would
    /// allocate it whole. It bounds what one decode of a hostile file can cost.
    /// </summary>
    public const long MaxChunkBytes = 48L << 20;
}
