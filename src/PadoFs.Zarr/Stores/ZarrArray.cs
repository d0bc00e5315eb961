using System.Text.Json.Nodes;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>One zarr array: its <c>.zarray</c>, its <c>.zattrs</c> (axis names plus the caller's attributes) and its chunks.</summary>
public sealed class ZarrArray
{
    public const string ArrayDocument = ".zarray";
    public const string AttributesDocument = ".zattrs";

    public ZarrArray(ArrayChunks chunks, JsonObject? attributes = null)
    {
        Chunks = chunks;
        Array = new ZarrDocument(chunks.Geometry.Metadata.ToJson());
        Attributes = new ZarrDocument(ArrayAttributes.ToJson(chunks.Geometry.DimensionNames, attributes));
    }

    public ArrayGeometry Geometry => Chunks.Geometry;

    public ArrayChunks Chunks { get; }

    public ZarrDocument Array { get; }

    public ZarrDocument Attributes { get; }

    /// <summary>The entry named <paramref name="name"/> inside the array's folder, or null.</summary>
    public ZarrEntry? Find(ReadOnlySpan<char> name)
    {
        if (name.SequenceEqual(ArrayDocument))
        {
            return Array;
        }

        if (name.SequenceEqual(AttributesDocument))
        {
            return Attributes;
        }

        return Geometry.TryParseChunkKey(name, out var row, out var column) ? new ZarrChunk(Chunks, row, column) : null;
    }

    /// <summary>The names in the array's folder: the two documents, then every chunk row by row.</summary>
    public IEnumerable<string> EnumerateNames()
    {
        yield return ArrayDocument;
        yield return AttributesDocument;
        for (var row = 0; row < Geometry.ChunkRows; row++)
        {
            for (var column = 0; column < Geometry.ChunkColumns; column++)
            {
                yield return Geometry.ChunkKey(row, column);
            }
        }
    }
}
