using System.Text.Json.Nodes;
using PadoFs.Images;
using PadoFs.Zarr.Caching;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr;

/// <summary>
/// pado's <c>Image.get_zarr_store</c>. It lives beside the stores rather than on <see cref="Image"/> itself
/// because the slide reading library sits below the zarr one and must not know it.
/// </summary>
public static class ImageZarrExtensions
{
    /// <summary>The whole of <paramref name="level"/> as a read-only zarr store, in pado's (y, x, samples) layout.</summary>
    /// <param name="chunkMode">one chunk per stored tile (the default), or the whole level as one chunk.</param>
    /// <param name="zattrs">attributes merged into the level's <c>.zattrs</c>.</param>
    /// <param name="cache">where decoded chunks are kept; by default each read decodes.</param>
    /// <param name="format">zarr v2 (the default: tifffile before 2026's store) or v3 (what tifffile's store gives since 2026.5).</param>
    /// <param name="series">
    /// another image of the file (an <see cref="ImageSeries.Index"/> of <see cref="Image.Series"/>, as tifffile's
    /// <c>aszarr(series=n, level=L)</c>); 0, the default, is the image itself. Other series are served by tile only.
    /// </param>
    public static LevelStore GetZarrStore(this Image image, int level, ChunkMode chunkMode = ChunkMode.Tile, JsonObject? zattrs = null, IChunkCache? cache = null, ZarrFormat? format = null, int series = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, ImageArrays.LevelsOf(image, series).Count);
        return new LevelStore(ImageArrays.Level(image, new OpenImageLender(image), level, chunkMode, format ?? ZarrFormat.V2, ZarrLayout.Pado, SlideIds.Next(), cache ?? UncachedChunks.Instance, zattrs, firstLevel: null, series));
    }
}
