using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// The chunk sources of an OpenSlide slide that is a TIFF: a level whose stored tiles our reader decodes to exactly
/// the pixels OpenSlide hands out is read tile by tile from the file (one decode per chunk, the stored pixels also at
/// levels whose downsample is not an integer, where OpenSlide's regions would resample at sub-pixel offsets); any
/// other level, and the tiles OpenSlide paints itself where the file leaves one out, through OpenSlide's regions.
/// </summary>
internal static class OpenSlideTiffLevels
{
    public static IChunkSource[] ChunkSources(OpenSlideBackend backend, TiffFile? tiff)
    {
        var sources = new IChunkSource[backend.Levels.Count];
        var pages = new TiffPage?[sources.Length];
        for (var level = 0; level < sources.Length; level++)
        {
            pages[level] = tiff is null ? null : FindStoredLevel(tiff, backend.Levels[level], backend.PixelFormat.BytesPerPixel);
        }

        var missing = OpenSlideMissingTiles.Find(pages, backend.Properties.GetValueOrDefault(SlidePropertyNames.Vendor));
        for (var level = 0; level < sources.Length; level++)
        {
            sources[level] = pages[level] is not { } page || DirectDecoder(tiff!, page, backend) is not { } decoder ? new OpenSlideRegionChunks(backend, level)
                : missing[level] is { Count: > 0 } painted ? new OpenSlideTiffTileChunks(TiffLevelChunks.OfPage(tiff!, decoder), backend, level, painted)
                : TiffLevelChunks.OfPage(tiff!, decoder);
        }

        return sources;
    }

    // Only where the page decodes to exactly the pixel format the backend hands out (RGB for OpenSlide); YCbCr
    // pages reach this point only as JPEG, which decodes them to RGB.
    private static TiffPageDecoder? DirectDecoder(TiffFile tiff, TiffPage page, OpenSlideBackend backend)
    {
        var decoder = TiffPageDecoder.TryCreate(tiff, page, out _);
        return decoder is not null && decoder.Format == backend.PixelFormat && page.Photometric is TiffPhotometric.Rgb or TiffPhotometric.MinIsBlack or TiffPhotometric.YCbCr
            ? decoder
            : null;
    }

    // OpenSlide's levels are the stored pyramid of the file's first series; a level is matched by its size.
    // Where the series has no page of that size, any tiled page of the file is: a pyramid written by a converter
    // that copied an Aperio description looks like an SVS to tifffile, whose layout takes page 1 for a thumbnail
    // and the later reduced pages for label and macro, while OpenSlide reads every tiled page as a level.
    // A page stored in chunks too big to serve one at a time (a whole NDPI level in one JPEG strip) does not
    // decide the grid: such a level is cut like a format without tiles.
    private static TiffPage? FindStoredLevel(TiffFile tiff, SlideLevel level, int bytesPerPixel)
    {
        if (tiff.Series.Count == 0)
        {
            return null;
        }

        var page = FindBySize(tiff.Series[0].Levels, level, tiledOnly: false) ?? FindBySize(tiff.Pages, level, tiledOnly: true);
        return page is not null && TiffLevelChunks.FitsOneChunk(page, bytesPerPixel) ? page : null;
    }

    private static TiffPage? FindBySize(IReadOnlyList<TiffPage> pages, SlideLevel level, bool tiledOnly)
    {
        foreach (var page in pages)
        {
            if (page.Width == level.Width && page.Height == level.Height && (page.IsTiled || !tiledOnly))
            {
                return page;
            }
        }

        return null;
    }
}
