using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// The pyramid levels of one TIFF series as our reader decodes them: per level the decoder of its first page, its
/// size and downsample, and its chunks over the series' axes. Every page of every plane must decode as its level's
/// first page does, since they are one array.
/// </summary>
internal sealed class TiffSeriesLevels
{
    private TiffSeriesLevels(TiffSeries series, TiffPageDecoder[] decoders, SlideLevel[] levels, IChunkSource[] chunkSources)
    {
        Series = series;
        Decoders = decoders;
        Levels = levels;
        ChunkSources = chunkSources;
        PixelFormat = decoders[0].Format;
        Channels = series.Ome?.Channels ?? series.Channels;
    }

    public TiffSeries Series { get; }

    /// <summary>The decoder of each level's first page, level 0 first.</summary>
    public IReadOnlyList<TiffPageDecoder> Decoders { get; }

    public IReadOnlyList<SlideLevel> Levels { get; }

    public IReadOnlyList<IChunkSource> ChunkSources { get; }

    public PixelFormat PixelFormat { get; }

    public IReadOnlyList<SlideChannel> Channels { get; }

    /// <summary>The levels of <paramref name="series"/>; messages name what fails after <paramref name="prefix"/> (empty for the file's first series).</summary>
    /// <exception cref="SlideFormatException">a page uses what our reader does not decode, or differs from its level's first page.</exception>
    /// <exception cref="TiffFormatException">a tag value the directories did not load lies outside the file.</exception>
    public static TiffSeriesLevels Open(TiffFile file, TiffSeries series, string prefix)
    {
        var baseline = series.Levels[0];
        var decoders = new TiffPageDecoder[series.Levels.Count];
        var levels = new SlideLevel[decoders.Length];
        var sources = new IChunkSource[decoders.Length];
        for (var level = 0; level < decoders.Length; level++)
        {
            var page = series.Levels[level];
            decoders[level] = TiffPageDecoder.TryCreate(file, page, out var reason)
                ?? throw new SlideFormatException(file.Path, level == 0 ? $"{prefix}{reason}" : $"{prefix}level {level}: {reason}");
            if (page.SamplesPerPixel != baseline.SamplesPerPixel || page.BitsPerSample != baseline.BitsPerSample)
            {
                throw new SlideFormatException(file.Path, $"{prefix}level {level} has {page.SamplesPerPixel} samples of {page.BitsPerSample} bits, level 0 {baseline.SamplesPerPixel} of {baseline.BitsPerSample}");
            }

            levels[level] = new SlideLevel(
                page.Width,
                page.Height,
                (((double)baseline.Width / page.Width) + ((double)baseline.Height / page.Height)) / 2,
                (int)page.ChunkWidth,
                (int)page.ChunkHeight);
        }

        for (var level = 0; level < decoders.Length; level++)
        {
            sources[level] = LevelChunks(file, series, level, decoders[level], prefix);
        }

        return new TiffSeriesLevels(series, decoders, levels, sources);
    }

    // Axes a chunk grid cannot cut (a shaped series' Q after X) refuse the series like a broken one.
    private static TiffLevelChunks LevelChunks(TiffFile file, TiffSeries series, int level, TiffPageDecoder key, string prefix)
    {
        var planes = series.LevelPlanes[level];
        var decoders = new TiffPageDecoder?[planes.Count];
        for (var plane = 0; plane < decoders.Length; plane++)
        {
            if (planes[plane] is not { } page)
            {
                continue;
            }

            decoders[plane] = ReferenceEquals(page, key.Page) ? key : TiffPageDecoder.TryCreate(file, page, out var reason)
                ?? throw new SlideFormatException(file.Path, $"{prefix}level {level} page {page.Index}: {reason}");
            if (page.SamplesPerPixel != key.Page.SamplesPerPixel || page.BitsPerSample != key.Page.BitsPerSample || page.Width != key.Page.Width || page.Height != key.Page.Height)
            {
                throw new SlideFormatException(file.Path, $"{prefix}level {level} page {page.Index} differs in size or samples from the level's first page {key.Page.Index}");
            }
        }

        try
        {
            return TiffLevelChunks.OfSeriesLevel(file, series.Axes, series.LevelShape(level), decoders, key);
        }
        catch (Exception e) when (e is TiffFormatException or ArgumentException or OverflowException)
        {
            throw new SlideFormatException(file.Path, $"{prefix}level {level}: {e.Message}", e);
        }
    }
}
