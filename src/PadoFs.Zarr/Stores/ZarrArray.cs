using System.Globalization;
using System.Text.Json.Nodes;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// One zarr array: its documents in its format (for v2 <c>.zarray</c> and <c>.zattrs</c>, holding the axis names
/// plus the caller's attributes) and its chunks, keyed flat or in nested folders.
/// </summary>
public sealed class ZarrArray
{
    private readonly IReadOnlyList<NamedDocument> _documents;

    public ZarrArray(ArrayChunks chunks, ZarrFormat format, JsonObject? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(format);
        Chunks = chunks;
        _documents = format.ArrayDocuments(chunks.Geometry.Metadata, ArrayAttributes.ToJson(chunks.Geometry.DimensionNames, attributes));
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
    public bool IsFolder(ReadOnlySpan<char> folder) => FolderDepth(folder) > 0;

    /// <summary>The names directly inside <paramref name="folder"/> ("" for the array's own folder), or null when there is no such folder.</summary>
    public IReadOnlyList<StoreName>? List(ReadOnlySpan<char> folder)
    {
        var depth = folder.IsEmpty ? 0 : FolderDepth(folder);
        if (depth < 0)
        {
            return null;
        }

        var grid = Geometry.ChunkGrid;
        if (!Geometry.Keys.IsNested)
        {
            return depth == 0 ? [.. EnumerateNames().Select(name => new StoreName(name, IsFolder: false))] : null;
        }

        var names = new List<StoreName>(grid[depth] + (depth == 0 ? _documents.Count : 0));
        if (depth == 0)
        {
            foreach (var document in _documents)
            {
                names.Add(new StoreName(document.Name, IsFolder: false));
            }
        }

        var isFolder = depth < grid.Length - 1;
        for (var index = 0; index < grid[depth]; index++)
        {
            names.Add(new StoreName(index.ToString(CultureInfo.InvariantCulture), isFolder));
        }

        return names;
    }

    // How many indices a nested chunk folder's path names (1 for "0" in a (c, y, x) array), or -1 when it is none.
    private int FolderDepth(ReadOnlySpan<char> folder)
    {
        var grid = Geometry.ChunkGrid;
        if (!Geometry.Keys.IsNested || folder.IsEmpty)
        {
            return -1;
        }

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
