using System.Text.Json.Nodes;
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

    /// <summary>Zarr v3: one <c>zarr.json</c> per node, the root's holding the consolidated metadata.</summary>
    public static ZarrFormat V3 { get; } = new ZarrV3Format();

    /// <summary>The versions there are, as a config and the command line name them.</summary>
    public static IReadOnlyList<int> Versions { get; } = [2, 3];

    /// <summary>The format's version number: its <c>zarr_format</c>.</summary>
    public abstract int Version { get; }

    /// <summary>The OME-NGFF version whose metadata goes with this format.</summary>
    public abstract string NgffVersion { get; }

    /// <summary>The format of version <paramref name="version"/>, or null when there is none.</summary>
    public static ZarrFormat? Of(int version) => version switch
    {
        2 => V2,
        3 => V3,
        _ => null,
    };

    /// <summary>Why <paramref name="version"/> is refused and what to give instead.</summary>
    public static string Unknown(string version) => $"Unknown zarr format '{version}': use 2 or 3.";

    /// <summary>How the chunks of an array whose metadata follows <paramref name="convention"/> are keyed.</summary>
    public abstract ChunkKeyEncoding ChunkKeys(MetadataConvention convention);

    /// <summary>A group's documents, in listing order, holding <paramref name="attributes"/> (a JSON object).</summary>
    public abstract IReadOnlyList<NamedDocument> GroupDocuments(byte[]? attributes);

    /// <summary>
    /// The documents of the root group of a tree, in listing order: the group's own and the tree's consolidated
    /// metadata, which also holds <paramref name="descendants"/>, every other node's documents named by their keys.
    /// </summary>
    public abstract IReadOnlyList<NamedDocument> RootDocuments(byte[] attributes, IReadOnlyList<NamedDocument> descendants);

    /// <summary>An array's documents, in listing order, holding its axis names and the caller's <paramref name="attributes"/>.</summary>
    public abstract IReadOnlyList<NamedDocument> ArrayDocuments(ZarrArrayMetadata metadata, JsonObject? attributes);

    /// <summary>
    /// The axis names of level <paramref name="level"/> of a multiscale group in <paramref name="convention"/>, whose
    /// first level is <paramref name="first"/>; by default each level's own.
    /// </summary>
    public virtual IReadOnlyList<string> LevelDimensionNames(ZarrArrayMetadata metadata, ZarrArrayMetadata first, int level, MetadataConvention convention) =>
        metadata.DimensionNames;
}
