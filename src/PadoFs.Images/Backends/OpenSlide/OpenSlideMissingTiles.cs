using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// The tiles of each level that OpenSlide paints itself instead of decoding them from the file: those the file leaves
/// out (byte count 0), which OpenSlide shows as the background (and, for Aperio, as the level above scaled down),
/// and in an Aperio slide also every tile of a level that covers such a tile of the level above, which OpenSlide
/// marks missing too (its Aperio reader takes them for corrupt).
/// </summary>
internal static class OpenSlideMissingTiles
{
    /// <summary>Per level, the indexes (row x tiles across + column) of the tiles OpenSlide paints; null for a level read whole through OpenSlide.</summary>
    /// <param name="pages">The stored page of each level, null where the level has none.</param>
    /// <param name="vendor">OpenSlide's vendor name of the slide.</param>
    public static HashSet<long>?[] Find(IReadOnlyList<TiffPage?> pages, string? vendor)
    {
        var missing = new HashSet<long>?[pages.Count];
        for (var level = 0; level < pages.Count; level++)
        {
            if (pages[level] is not { } page)
            {
                continue;
            }

            var tiles = new HashSet<long>();
            var counts = page.DataByteCounts;
            for (var tile = 0; tile < counts.Length && tile < (long)page.ChunkRows * page.ChunkCols; tile++)
            {
                if (counts[tile] == 0)
                {
                    tiles.Add(tile);
                }
            }

            if (vendor == "aperio" && level > 0 && missing[level - 1] is { } above && pages[level - 1] is { } abovePage)
            {
                AddCovering(tiles, above, abovePage, page);
            }

            missing[level] = tiles;
        }

        return missing;
    }

    // As OpenSlide's Aperio reader does: the tiles of the level above per tile of this one, rounded, by column and row.
    private static void AddCovering(HashSet<long> tiles, HashSet<long> above, TiffPage abovePage, TiffPage page)
    {
        var across = Math.Max(1, (long)Math.Round((double)abovePage.ChunkCols / page.ChunkCols, MidpointRounding.AwayFromZero));
        var down = Math.Max(1, (long)Math.Round((double)abovePage.ChunkRows / page.ChunkRows, MidpointRounding.AwayFromZero));
        foreach (var tile in above)
        {
            var (row, column) = Math.DivRem(tile, abovePage.ChunkCols);
            tiles.Add((row / down * page.ChunkCols) + (column / across));
        }
    }
}
