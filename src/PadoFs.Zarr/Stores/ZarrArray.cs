using System.Globalization;
using System.Text.Json.Nodes;
using PadoFs.Zarr.Formats;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// One zarr array: its documents in its format (for v2 <c>.zarray</c> and <c>.zattrs</c>, for v3 <c>zarr.json</c>),
/// holding the axis names and the caller's attributes, and its chunks, keyed flat or in nested folders.
/// </summary>
public sealed class ZarrArray
{
    private readonly IReadOnlyList<NamedDocument> _documents;

    /// <param name="dimensionNames">axis names other than the geometry's, as a multiscale group may give its levels.</param>
    public ZarrArray(ArrayChunks chunks, ZarrFormat format, JsonObject? attributes = null, IReadOnlyList<string>? dimensionNames = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(format);
        Chunks = chunks;
        var metadata = dimensionNames is null ? chunks.Geometry.Metadata : chunks.Geometry.Metadata with { DimensionNames = dimensionNames };
        _documents = format.ArrayDocuments(metadata, attributes);
    }

    public ArrayGeometry Geometry => Chunks.Geometry;

    public ArrayChunks Chunks { get; }

    /// <summary>The array's metadata documents, in listing order.</summary>
    public IReadOnlyList<NamedDocument> Documents => _documents;

    /// <summary>The entry at <paramref name="key"/> (a document's name or a chunk key) inside the array, or null.</summary>
    public ZarrEntry? Find(ReadOnlySpan<char> key)
    {
        foreach (var document in _documents)
        {
            if (key.SequenceEqual(document.Name))
            {
                return document.Document;
            }
        }

        return Geometry.TryParseChunkKey(key, out var chunk) ? new ZarrChunk(Chunks, chunk) : null;
    }

    /// <summary>The keys inside the array: its documents, then every chunk, plane by plane and row by row.</summary>
    public IEnumerable<string> EnumerateNames()
    {
        foreach (var document in _documents)
        {
            yield return document.Name;
        }

        var grid = Geometry.Grid;
        for (var plane = 0; plane < grid.PlaneCount; plane++)
        {
            for (var row = 0; row < grid.ChunkRows; row++)
            {
                for (var column = 0; column < grid.ChunkColumns; column++)
                {
                    yield return Geometry.ChunkKey(grid.Chunk(plane, row, column));
                }
            }
        }
    }

    /// <summary>True when <paramref name="folder"/> (relative to the array, not empty) holds nested chunk keys.</summary>
    public bool IsFolder(ReadOnlySpan<char> folder) => FolderDepth(folder) >= 0;

    /// <summary>The names directly inside <paramref name="folder"/> ("" for the array's own folder), or null when there is no such folder.</summary>
    public IReadOnlyList<StoreName>? List(ReadOnlySpan<char> folder)
    {
        var keys = Geometry.Keys;
        if (folder.IsEmpty && !keys.IsNested)
        {
            return [.. EnumerateNames().Select(name => new StoreName(name, IsFolder: false))];
        }

        var depth = folder.IsEmpty ? 0 : FolderDepth(folder);
        if (depth < 0)
        {
            return null;
        }

        var grid = Geometry.ChunkGrid;
        var names = new List<StoreName>(grid[depth] + (folder.IsEmpty ? _documents.Count : 0));
        if (folder.IsEmpty)
        {
            foreach (var document in _documents)
            {
                names.Add(new StoreName(document.Name, IsFolder: false));
            }

            if (keys.Prefix is { } prefix)
            {
                names.Add(new StoreName(prefix, IsFolder: true));
                return names;
            }
        }

        var isFolder = depth < grid.Length - 1;
        for (var index = 0; index < grid[depth]; index++)
        {
            names.Add(new StoreName(index.ToString(CultureInfo.InvariantCulture), isFolder));
        }

        return names;
    }

    // How many indices a chunk folder's path names ("0" of a nested (c, y, x) array names 1, the prefix folder "c" of
    // zarr v3 keys none), or -1 when it is no chunk folder.
    private int FolderDepth(ReadOnlySpan<char> folder)
    {
        var keys = Geometry.Keys;
        if (!keys.IsNested || folder.IsEmpty)
        {
            return -1;
        }

        if (keys.Prefix is { } prefix && folder.SequenceEqual(prefix))
        {
            return 0;
        }

        if (!keys.TryStripPrefix(ref folder))
        {
            return -1;
        }

        var grid = Geometry.ChunkGrid;
        var depth = 0;
        foreach (var part in folder.Split('/'))
        {
            if (depth == grid.Length - 1 || !ChunkKeyEncoding.TryParseIndex(folder[part], grid[depth], out _))
            {
                return -1;
            }

            depth++;
        }

        return depth;
    }
}
