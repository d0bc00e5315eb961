using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images;

/// <summary>
/// An open slide: the backend that decodes it and, when the file is a TIFF, its structure, which decides
/// the chunk grid (one chunk per stored tile or strip) and the stored size of every chunk. Where PadoFs decodes
/// a level's stored tiles itself, chunks are decoded straight from the file: one decode per chunk, the stored
/// pixels exactly, also at levels whose downsample is not an integer, where reading through OpenSlide would
/// resample at sub-pixel offsets.
/// </summary>
internal sealed class OpenedSlide : IDisposable
{
    private readonly TiffFile? _tiff;
    private readonly TiffPage?[] _tiffLevels;
    private readonly TiffPageDecoder?[] _tileDecoders;

    public OpenedSlide(string localPath, FileIdentity identity, ISlideBackend backend, TiffFile? tiff)
    {
        LocalPath = localPath;
        Identity = identity;
        Backend = backend;
        _tiff = tiff;
        var levels = new ImageLevel[backend.Levels.Count];
        _tiffLevels = new TiffPage?[levels.Length];
        _tileDecoders = new TiffPageDecoder?[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = backend.Levels[i];
            var page = tiff is null ? null : FindStoredLevel(tiff, level, backend.PixelFormat.BytesPerPixel);
            _tiffLevels[i] = page;
            _tileDecoders[i] = page is null ? null : DirectDecoder(tiff!, page, backend);
            var (chunkWidth, chunkHeight) = page is not null
                ? ((int)page.ChunkWidth, (int)page.ChunkHeight)
                : level.TileWidth > 0 && level.TileHeight > 0 && (long)level.TileWidth * level.TileHeight * backend.PixelFormat.BytesPerPixel <= SlideLevel.MaxChunkBytes
                    ? (level.TileWidth, level.TileHeight)
                    : (ImageLevel.DefaultChunkSize, ImageLevel.DefaultChunkSize);
            levels[i] = new ImageLevel(i, level.Width, level.Height, level.Downsample, chunkWidth, chunkHeight);
        }

        Levels = levels;
    }

    public string LocalPath { get; }

    /// <summary>The version of the file that was opened; every read checks the path still names it.</summary>
    public FileIdentity Identity { get; }

    public ISlideBackend Backend { get; }

    public IReadOnlyList<ImageLevel> Levels { get; }

    public void ReadRegion(int level, long x, long y, int width, int height, Span<byte> destination)
    {
        ThrowIfChanged();
        Backend.ReadRegion(level, x, y, width, height, destination);
        ThrowIfChanged();
    }

    public PixelArray ReadAssociatedImage(string name)
    {
        ThrowIfChanged();
        var image = Backend.ReadAssociatedImage(name);
        ThrowIfChanged();
        return image;
    }

    /// <summary>
    /// Throws <see cref="SlideChangedException"/> when the path no longer names the version that was opened. Called
    /// before and after each read: a backend may open the path again (OpenSlide keeps a pool of file handles), and a
    /// file rewritten in place changes under handles already open, so only a read that began and ended on the
    /// opened version is known to hold its bytes alone.
    /// </summary>
    public void ThrowIfChanged()
    {
        if (FindChange() is { } change)
        {
            throw change;
        }
    }

    public void ReadChunk(int level, int row, int column, Span<byte> destination)
    {
        ThrowIfChanged();
        try
        {
            DecodeChunk(level, row, column, destination);
        }
        catch (Exception e) when (e is SlideException or IOException or InvalidDataException && FindChange() is not null)
        {
            // A file rewritten under the decoder fails as garbage would: the change is the reason, not the bytes.
            ThrowIfChanged();
            throw;
        }

        ThrowIfChanged();
    }

    private SlideChangedException? FindChange()
    {
        FileIdentity now;
        try
        {
            now = LocalFileStatus.Of(LocalPath).Identity;
        }
        catch (FileNotFoundException)
        {
            return new SlideChangedException(LocalPath, "it was deleted or moved away");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new SlideChangedException(LocalPath, $"it can no longer be checked: {e.Message}");
        }

        return now == Identity ? null : new SlideChangedException(LocalPath, now.DescribeChangeFrom(Identity));
    }

    private void DecodeChunk(int level, int row, int column, Span<byte> destination)
    {
        var grid = Levels[level];
        if (_tileDecoders[level] is { } decoder)
        {
            try
            {
                decoder.ReadChunk(row, column, destination[..(grid.ChunkWidth * grid.ChunkHeight * Backend.PixelFormat.BytesPerPixel)]);
                return;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                throw new SlideReadException(LocalPath, $"level {level} chunk ({row}, {column}): {e.Message}", e);
            }
        }

        var downsample = grid.Downsample;
        var x = (long)Math.Round((long)column * grid.ChunkWidth * downsample);
        var y = (long)Math.Round((long)row * grid.ChunkHeight * downsample);
        Backend.ReadRegion(level, x, y, grid.ChunkWidth, grid.ChunkHeight, destination);
    }

    public long[,] GetChunkSizes(int level)
    {
        if (_tiffLevels[level] is { } page)
        {
            return page.GetChunkByteCounts();
        }

        var grid = Levels[level];
        var unknown = new long[grid.ChunkRows, grid.ChunkColumns];
        for (var row = 0; row < grid.ChunkRows; row++)
        {
            for (var column = 0; column < grid.ChunkColumns; column++)
            {
                unknown[row, column] = -1;
            }
        }

        return unknown;
    }

    public void Dispose()
    {
        Backend.Dispose();
        _tiff?.Dispose();
    }

    // Only where the page decodes to exactly the pixel format the backend hands out (RGB for OpenSlide); YCbCr
    // pages reach this point only as JPEG, which decodes them to RGB.
    private static TiffPageDecoder? DirectDecoder(TiffFile tiff, TiffPage page, ISlideBackend backend)
    {
        var decoder = TiffPageDecoder.TryCreate(tiff, page, out _);
        return decoder is not null && decoder.Format == backend.PixelFormat && page.Photometric is TiffPhotometric.Rgb or TiffPhotometric.MinIsBlack or TiffPhotometric.YCbCr
            ? decoder
            : null;
    }

    // The backend's levels are the stored pyramid of the file's first series; a level is matched by its size.
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
        return page is not null && (double)page.ChunkWidth * page.ChunkHeight * bytesPerPixel <= SlideLevel.MaxChunkBytes ? page : null;
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
