using System.Text.Json.Nodes;
using PadoFs.Zarr.Metadata;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Formats;

/// <summary>
/// Zarr v2. The pado layout keeps tifffile's flat keys; the OME-NGFF layout uses the nested keys OME-NGFF 0.4
/// requires and says so in each <c>.zarray</c>'s <c>dimension_separator</c>. A tree's root also holds
/// zarr-python's consolidated metadata.
/// </summary>
internal sealed class ZarrV2Format : ZarrFormat
{
    public const string GroupDocument = ".zgroup";
    public const string ArrayDocument = ".zarray";
    public const string AttributesDocument = ".zattrs";
    public const string ConsolidatedDocument = ".zmetadata";

    private static readonly ZarrDocument s_group = new(ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("zarr_format", 2);
        writer.WriteEndObject();
    }));

    private static readonly NamedDocument[] s_bareGroup = [new(GroupDocument, s_group)];

    public override int Version => 2;

    public override string NgffVersion => "0.4";

    public override ChunkKeyEncoding ChunkKeys(MetadataConvention convention) =>
        convention == MetadataConvention.OmeNgff ? ChunkKeyEncoding.Nested : ChunkKeyEncoding.Flat;

    public override IReadOnlyList<NamedDocument> GroupDocuments(byte[]? attributes) =>
        attributes is null ? s_bareGroup : [new(GroupDocument, s_group), new(AttributesDocument, new ZarrDocument(attributes))];

    public override IReadOnlyList<NamedDocument> RootDocuments(byte[] attributes, IReadOnlyList<NamedDocument> descendants)
    {
        var own = GroupDocuments(attributes);
        var consolidated = new ZarrDocument(ConsolidatedMetadata.ToJson(own.Concat(descendants)));
        return [.. own, new NamedDocument(ConsolidatedDocument, consolidated)];
    }

    public override IReadOnlyList<NamedDocument> ArrayDocuments(ZarrArrayMetadata metadata, JsonObject? attributes) =>
        [
            new(ArrayDocument, new ZarrDocument(ArrayJson(metadata))),
            new(AttributesDocument, new ZarrDocument(ArrayAttributes.ToJson(metadata.DimensionNames, attributes))),
        ];

    // Keys sorted as zarr-python and tifffile write them. The '.' separator is zarr's default and, as in tifffile's
    // store, not written.
    private static byte[] ArrayJson(ZarrArrayMetadata metadata) => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        ZarrJson.WriteNumbers(writer, "chunks", metadata.Chunks);
        writer.WriteNull("compressor");
        if (metadata.Keys.IsNested)
        {
            writer.WriteString("dimension_separator", metadata.Keys.Separator.ToString());
        }

        writer.WriteString("dtype", metadata.NumpyDType);
        if (metadata.FillValue is { } fill)
        {
            metadata.WriteFillValue(writer, fill);
        }
        else
        {
            writer.WriteNull("fill_value");
        }

        writer.WriteNull("filters");
        writer.WriteString("order", "C");
        ZarrJson.WriteNumbers(writer, "shape", metadata.Shape);
        writer.WriteNumber("zarr_format", 2);
        writer.WriteEndObject();
    });
}
