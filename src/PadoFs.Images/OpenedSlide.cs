using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images;

/// <summary>
/// An open slide: the backend that decodes it, its levels with the chunk sources the backend gives for them, and the
/// version of the file it opened, which every read checks.
/// </summary>
internal sealed class OpenedSlide : IDisposable
{
    private readonly TiffFile? _tiff;
    private readonly IReadOnlyList<IChunkSource> _sources;

    public OpenedSlide(string localPath, FileIdentity identity, ISlideBackend backend, TiffFile? tiff, IReadOnlyList<string> files)
    {
        LocalPath = localPath;
        Files = files;
        Identity = identity;
        Backend = backend;
        _tiff = tiff;
        _sources = backend.ChunkSources;
        var levels = new ImageLevel[backend.Levels.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new ImageLevel(i, backend.Levels[i].Downsample, _sources[i].Grid);
        }

        Levels = levels;
    }

    public string LocalPath { get; }

    /// <summary>The files whose size, times and checksum are the slide's file info: the slide file, or a DICOM folder's instances.</summary>
    public IReadOnlyList<string> Files { get; }

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

    public void ReadChunk(int level, in ChunkCoordinates chunk, Span<byte> destination)
    {
        ThrowIfChanged();
        try
        {
            _sources[level].Decode(chunk, destination);
        }
        catch (Exception e) when (e is SlideException or IOException or InvalidDataException && FindChange() is not null)
        {
            // A file rewritten under the decoder fails as garbage would: the change is the reason, not the bytes.
            ThrowIfChanged();
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new SlideReadException(LocalPath, $"level {level} chunk {chunk}: {e.Message}", e);
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

    /// <summary>The stored bytes of every chunk of one Y/X plane of a level, by (row, column); -1 where the format does not say.</summary>
    public long[,] GetChunkSizes(int level, int plane)
    {
        var source = _sources[level];
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
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            ThrowIfChanged();
            throw new SlideReadException(LocalPath, $"level {level} chunk {chunk}: {e.Message}", e);
        }

        ThrowIfChanged();
        return count;
    }

    public void Dispose()
    {
        Backend.Dispose();
        _tiff?.Dispose();
    }
}
