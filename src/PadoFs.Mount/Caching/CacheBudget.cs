using PadoFs.Images;

namespace PadoFs.Mount.Caching;

/// <summary>
/// The default size of the chunk cache when the config gives none:
/// <c>budget = clamp(Σ decoded bytes of the stored chunks of the open slides, 64 MiB, ¼ of available memory)</c>.
/// A stored chunk is one whose <c>GetChunkSizes</c> entry is not 0 (-1, unknown, counts as stored); its decoded
/// size is the chunk's height x width x bytes per pixel. The budget starts at the floor and grows as slides
/// open, so a mount of small slides keeps them all decoded and a mount of large ones stops at a quarter of the
/// machine's memory.
/// </summary>
public static class CacheBudget
{
    public const long Floor = 64L << 20;

    public static long Ceiling => Math.Max(Floor, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>The bytes the decoded chunks of every level of every series of an open image would take.</summary>
    public static long DecodedBytesOfStoredChunks(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        long total = 0;
        foreach (var series in image.Series)
        {
            foreach (var level in series.Levels)
            {
                long stored = 0;
                for (var plane = 0; plane < level.Grid.PlaneCount; plane++)
                {
                    foreach (var size in image.GetChunkSizes(level.Index, plane, series.Index))
                    {
                        stored += size != 0 ? 1 : 0;
                    }
                }

                total += stored * level.Grid.ChunkLength;
            }
        }

        return total;
    }

    public static long Clamp(long wanted) => Math.Clamp(wanted, Floor, Ceiling);
}
