namespace PadoFs.Images.Backends;

/// <summary>
/// One pyramid level as a backend sees it. <see cref="TileWidth"/> and <see cref="TileHeight"/> are the
/// backend's preferred read size (0 when it has none); the TIFF structure, where there is one, decides chunks.
/// </summary>
public sealed record SlideLevel(long Width, long Height, double Downsample, int TileWidth, int TileHeight);
