using PadoFs.Zarr.Metadata;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Formats;

/// <summary>
/// A version of the zarr format: which documents a group and an array have, what they are called and hold, and
/// how chunk keys are spelt. The stores build their trees through it, so a second version is a second subclass.
/// </summary>
public abstract class ZarrFormat
{
    /// <summary>Zarr v2: <c>.zgroup</c>, <c>.zarray</c>, <c>.zattrs</c>, and <c>.zmetadata</c> at the root.</summary>
    public static ZarrFormat V2 { get; } = new ZarrV2Format();

    /// <summary>How the chunks of an array in <paramref name="layout"/> are keyed.</summary>
    public abstract ChunkKeyEncoding ChunkKeys(ZarrLayout layout);

    /// <summary>A group's documents, in listing order, holding <paramref name="attributes"/> (a JSON object).</summary>
    public abstract IReadOnlyList<NamedDocument> GroupDocuments(byte[]? attributes);

    /// <summary>
    /// The documents of the root group of a tree, in listing order: the group's own and the tree's consolidated
    /// metadata, which also holds <paramref name="descendants"/>, every other node's documents named by their keys.
    /// </summary>
    public abstract IReadOnlyList<NamedDocument> RootDocuments(byte[] attributes, IReadOnlyList<NamedDocument> descendants);

    /// <summary>An array's documents, in listing order, holding <paramref name="attributes"/> (a JSON object).</summary>
    public abstract IReadOnlyList<NamedDocument> ArrayDocuments(ZarrArrayMetadata metadata, byte[] attributes);
}
