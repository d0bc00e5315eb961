namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// One OpenSlide read within a region: <see cref="Left"/>, <see cref="Top"/>, <see cref="Width"/> and
/// <see cref="Height"/> in level pixels relative to the region; <see cref="X"/> and <see cref="Y"/> the level-0
/// origin passed to OpenSlide.
/// </summary>
internal readonly record struct RegionPiece(int Left, int Top, int Width, int Height, long X, long Y);
