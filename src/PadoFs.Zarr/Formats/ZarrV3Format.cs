using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PadoFs.Zarr.Metadata;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Formats;

/// <summary>
/// Zarr v3: one <c>zarr.json</c> per node, chunks keyed <c>c/0/1/0</c> (the <c>default</c> encoding, '/'), no
/// compression (the <c>bytes</c> codec alone, little-endian), axis names in <c>dimension_names</c>. The root group
/// holds zarr-python 3's inline consolidated metadata. Array documents are written as tifffile 2026.7's
/// <c>aszarr</c> writes them (keys sorted, <c>json.dumps(indent=1)</c>), and so are a multiscale group's level names
/// in tifffile's convention: an axis whose length differs from the first level's takes the level as suffix
/// (<c>Y1</c>, <c>X1</c>), since xarray wants one length per name.
/// </summary>
internal sealed class ZarrV3Format : ZarrFormat
{
    public const string Document = "zarr.json";

    private static readonly byte[] s_noAttributes = "{}"u8.ToArray();

    public override int Version => 3;

    public override string NgffVersion => "0.5";

    public override ChunkKeyEncoding ChunkKeys(MetadataConvention convention) => ChunkKeyEncoding.Default;

    public override IReadOnlyList<NamedDocument> GroupDocuments(byte[]? attributes) =>
        [new(Document, new ZarrDocument(GroupJson(attributes ?? s_noAttributes, consolidated: null)))];

    public override IReadOnlyList<NamedDocument> RootDocuments(byte[] attributes, IReadOnlyList<NamedDocument> descendants) =>
        [new(Document, new ZarrDocument(GroupJson(attributes, descendants)))];

    public override IReadOnlyList<NamedDocument> ArrayDocuments(ZarrArrayMetadata metadata, JsonObject? attributes) =>
        [new(Document, new ZarrDocument(ArrayJson(metadata, ArrayAttributes.ToJson(dimensionNames: null, attributes))))];

    public override IReadOnlyList<string> LevelDimensionNames(ZarrArrayMetadata metadata, ZarrArrayMetadata first, int level, MetadataConvention convention)
    {
        if (convention != MetadataConvention.Tifffile || level == 0)
        {
            return metadata.DimensionNames;
        }

        var names = new string[metadata.DimensionNames.Count];
        for (var axis = 0; axis < names.Length; axis++)
        {
            var name = metadata.DimensionNames[axis];
            names[axis] = metadata.Shape[axis] == first.Shape[axis] ? name : string.Create(CultureInfo.InvariantCulture, $"{name}{level}");
        }

        return names;
    }

    // zarr-python 3's inline form: every descendant's zarr.json under the descendant's path.
    private static byte[] GroupJson(byte[] attributes, IReadOnlyList<NamedDocument>? consolidated) => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("attributes");
        ZarrJson.WriteDocument(writer, attributes);
        if (consolidated is not null)
        {
            writer.WriteStartObject("consolidated_metadata");
            writer.WriteString("kind", "inline");
            writer.WriteStartObject("metadata");
            foreach (var (key, document) in consolidated)
            {
                writer.WritePropertyName(NodePath(key));
                ZarrJson.WriteDocument(writer, document.ReadAll());
            }

            writer.WriteEndObject();
            writer.WriteBoolean("must_understand", false);
            writer.WriteEndObject();
        }

        writer.WriteString("node_type", "group");
        writer.WriteNumber("zarr_format", 3);
        writer.WriteEndObject();
    });

    private static string NodePath(string documentKey) =>
        documentKey.EndsWith("/" + Document, StringComparison.Ordinal)
            ? documentKey[..^(Document.Length + 1)]
            : throw new ArgumentException($"'{documentKey}' names no node's {Document}.", nameof(documentKey));

    private static byte[] ArrayJson(ZarrArrayMetadata metadata, byte[] attributes) => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("attributes");
        ZarrJson.WriteDocument(writer, attributes);
        writer.WriteStartObject("chunk_grid");
        writer.WriteStartObject("configuration");
        ZarrJson.WriteNumbers(writer, "chunk_shape", metadata.Chunks);
        writer.WriteEndObject();
        writer.WriteString("name", "regular");
        writer.WriteEndObject();
        writer.WriteStartObject("chunk_key_encoding");
        writer.WriteStartObject("configuration");
        writer.WriteString("separator", metadata.Keys.Separator.ToString());
        writer.WriteEndObject();
        writer.WriteString("name", "default");
        writer.WriteEndObject();
        writer.WriteStartArray("codecs");
        WriteBytesCodec(writer, metadata.SampleBytes);
        writer.WriteEndArray();
        writer.WriteString("data_type", metadata.DataType);
        writer.WriteStartArray("dimension_names");
        foreach (var name in metadata.DimensionNames)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        metadata.WriteFillValue(writer, metadata.FillValue ?? 0);
        writer.WriteString("node_type", "array");
        ZarrJson.WriteNumbers(writer, "shape", metadata.Shape);
        writer.WriteNumber("zarr_format", 3);
        writer.WriteEndObject();
    });

    // Single bytes have no byte order, and tifffile names none for them.
    private static void WriteBytesCodec(Utf8JsonWriter writer, int sampleBytes)
    {
        writer.WriteStartObject();
        if (sampleBytes > 1)
        {
            writer.WriteStartObject("configuration");
            writer.WriteString("endian", "little");
            writer.WriteEndObject();
        }

        writer.WriteString("name", "bytes");
        writer.WriteEndObject();
    }
}
