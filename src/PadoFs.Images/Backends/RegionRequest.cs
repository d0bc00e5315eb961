namespace PadoFs.Images.Backends;

/// <summary>The checks of a <see cref="ISlideBackend.ReadRegion"/> call that every backend reading its own levels makes alike.</summary>
internal static class RegionRequest
{
    /// <summary>
    /// Checks the arguments and maps the region's level-0 corner to the level by its downsample, rounding down, as
    /// OpenSlide maps it.
    /// </summary>
    public static (long X, long Y) ToLevel(IReadOnlyList<SlideLevel> levels, int level, long x, long y, int width, int height, int bytesPerPixel, int destinationLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, levels.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var needed = (long)width * height * bytesPerPixel;
        if (destinationLength < needed)
        {
            throw new ArgumentException($"The region needs {needed} bytes, the destination has {destinationLength}.", nameof(destinationLength));
        }

        var downsample = levels[level].Downsample;
        return ((long)Math.Floor(x / downsample), (long)Math.Floor(y / downsample));
    }

    public static ArgumentException NoAssociatedImage(string name) => new($"The slide has no associated image '{name}'.", nameof(name));
}
