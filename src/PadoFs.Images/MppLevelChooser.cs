using PadoFs.Images.Geometry;

namespace PadoFs.Images;

/// <summary>Picks the level to read a target resolution from.</summary>
internal static class MppLevelChooser
{
    /// <summary>The coarsest level whose mpp is not coarser than <paramref name="target"/> (within its tolerance).</summary>
    public static int FinestNotFinerThan(IReadOnlyList<ImageLevel> levels, Mpp mpp0, Mpp target, string urlpath)
    {
        var chosen = -1;
        for (var i = 0; i < levels.Count; i++)
        {
            if (mpp0.Scale(levels[i].Downsample) <= target)
            {
                chosen = i;
            }
        }

        return chosen >= 0
            ? chosen
            : throw new ArgumentOutOfRangeException(nameof(target), target, $"Slide '{urlpath}' has no level as fine as {target}: its finest is {mpp0}.");
    }
}
