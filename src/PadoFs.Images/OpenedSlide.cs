using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Pixels;
using PadoFs.Images.Sources;
using PadoFs.Images.Tiff;

namespace PadoFs.Images;

/// <summary>
/// An open slide: the backend that decodes it, its levels with the chunk sources the backend gives for them, and the
/// version of the file it opened, which every read checks: a local file by its path's status before and after each
/// read, a remote object by the version its source pinned, which every ranged request asks for.
/// </summary>
internal sealed class OpenedSlide : IDisposable
{
    private readonly TiffFile? _tiff;
    private readonly IReadOnlyList<IChunkSource> _sources;
    private readonly IReadOnlyList<IChunkSource>[] _otherSources;

    public OpenedSlide(string localPath, FileIdentity identity, ISlideBackend backend, TiffFile? tiff, IReadOnlyList<string> files)
        : this(localPath, LocalFileSource.VersionOf(localPath, identity), backend, tiff, files)
    {
        LocalPath = localPath;
        Identity = identity;
    }

    /// <summary>A slide read from a remote object through our TIFF reader.</summary>
    public OpenedSlide(TiffFile remote, ISlideBackend backend)
        : this(remote.Path, remote.Source.Version, backend, remote, [])
    {
    }

    private OpenedSlide(string name, ByteSourceVersion source, ISlideBackend backend, TiffFile? tiff, IReadOnlyList<string> files)
    {
        Name = name;
        Files = files;
        Source = source;
        Backend = backend;
        _tiff = tiff;
        _sources = backend.ChunkSources;
        var levels = new ImageLevel[backend.Levels.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new ImageLevel(i, backend.Levels[i].Downsample, _sources[i].Grid);
        }

        Levels = levels;
        var other = backend.OtherSeries;
        _otherSources = new IReadOnlyList<IChunkSource>[other.Count];
        var otherSeries = new ImageSeries[other.Count];
        for (var i = 0; i < other.Count; i++)
        {
            var series = other[i];
            _otherSources[i] = series.ChunkSources;
            var seriesLevels = new ImageLevel[series.Levels.Count];
            for (var level = 0; level < seriesLevels.Length; level++)
            {
                seriesLevels[level] = new ImageLevel(level, series.Levels[level].Downsample, series.ChunkSources[level].Grid);
            }

            var mpp = series is { MppX: { } x, MppY: { } y } ? new Geometry.Mpp(x, y) : (Geometry.Mpp?)null;
            otherSeries[i] = new ImageSeries(series.Index, series.Name, seriesLevels, series.ChunkSources[0].Grid.Format, series.Channels, mpp);
        }

        OtherSeries = otherSeries;
    }

    /// <summary>The slide's file, or null for a remote object.</summary>
    public string? LocalPath { get; }

    /// <summary>The file or URL the slide is read from, for messages.</summary>
    public string Name { get; }

    /// <summary>The version of the local file that was opened, which every read checks the path still names; null for a remote object.</summary>
    public FileIdentity? Identity { get; }

    /// <summary>The local files whose size, times and checksum are the slide's file info: the slide file, or a DICOM
    /// folder's instances; none for a remote object.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The length of the remote object read, or null for a local file.</summary>
    public long? RemoteLength => LocalPath is null ? _tiff?.Length : null;

    /// <summary>The file and version the slide's bytes come from, as decoded chunks are keyed by.</summary>
    public ByteSourceVersion Source { get; }

    public ISlideBackend Backend { get; }

    public IReadOnlyList<ImageLevel> Levels { get; }

    /// <summary>The file's other images (series 1 and on, by their number), each with its own levels.</summary>
    public IReadOnlyList<ImageSeries> OtherSeries { get; }

    /// <summary>The levels of series <paramref name="series"/> (0: the image itself), or null when the slide has no such series.</summary>
    public IReadOnlyList<ImageLevel>? LevelsOf(int series) =>
        series == 0 ? Levels : PositionOf(series) is var position and >= 0 ? OtherSeries[position].Levels : null;

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

    public void ReadChunk(int series, int level, in ChunkCoordinates chunk, Span<byte> destination)
    {
        ThrowIfChanged();
        try
        {
            SourcesOf(series)[level].Decode(chunk, destination);
        }
        catch (ByteSourceChangedException e)
        {
            throw new SlideChangedException(Name, e.Change);
        }
        catch (Exception e) when (e is SlideException or IOException or InvalidDataException && FindChange() is not null)
        {
            // A file rewritten under the decoder fails as garbage would: the change is the reason, not the bytes.
            ThrowIfChanged();
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new SlideReadException(Name, series == 0 ? $"level {level} chunk {chunk}: {e.Message}" : $"series {series} level {level} chunk {chunk}: {e.Message}", e);
        }

        ThrowIfChanged();
    }

    private SlideChangedException? FindChange()
    {
        if (LocalPath is null || Identity is not { } opened)
        {
            return null;
        }

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

        return now == opened ? null : new SlideChangedException(LocalPath, now.DescribeChangeFrom(opened));
    }

    /// <summary>The stored bytes of every chunk of one Y/X plane of a level, by (row, column); -1 where the format does not say.</summary>
    public long[,] GetChunkSizes(int series, int level, int plane)
    {
        var source = SourcesOf(series)[level];
        var grid = source.Grid;
        var sizes = new long[grid.ChunkRows, grid.ChunkColumns];
        for (var row = 0; row < grid.ChunkRows; row++)
        {
            for (var column = 0; column < grid.ChunkColumns; column++)
            {
                sizes[row, column] = source.StoredByteCount(grid.Chunk(plane, row, column));
            }
        }

        return sizes;
    }

    /// <summary>Copies a chunk's stored bytes, still encoded; -1 where the format does not keep chunks.</summary>
    public int ReadStoredChunk(int level, in ChunkCoordinates chunk, Span<byte> destination)
    {
        ThrowIfChanged();
        int count;
        try
        {
            count = _sources[level].ReadStoredBytes(chunk, destination);
        }
        catch (ByteSourceChangedException e)
        {
            throw new SlideChangedException(Name, e.Change);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            ThrowIfChanged();
            throw new SlideReadException(Name, $"level {level} chunk {chunk}: {e.Message}", e);
        }

        ThrowIfChanged();
        return count;
    }

    private IReadOnlyList<IChunkSource> SourcesOf(int series) => series == 0 ? _sources : _otherSources[PositionOf(series)];

    // The file's series are few: a scan finds one without a table.
    private int PositionOf(int series)
    {
        for (var position = 0; position < OtherSeries.Count; position++)
        {
            if (OtherSeries[position].Index == series)
            {
                return position;
            }
        }

        return -1;
    }

    public void Dispose()
    {
        Backend.Dispose();
        _tiff?.Dispose();
    }
}
