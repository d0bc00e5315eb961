using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// zarr-python's consolidated metadata (<c>.zmetadata</c>): every metadata document of a group's tree under its
/// key, so a reader opens the whole tree from one document.
/// </summary>
internal static class ConsolidatedMetadata
{
    public static byte[] ToJson(IEnumerable<NamedDocument> documents) => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("metadata");
        foreach (var (key, document) in documents)
        {
            writer.WritePropertyName(key);
            ZarrJson.WriteDocument(writer, document.ReadAll());
        }

        writer.WriteEndObject();
        writer.WriteNumber("zarr_consolidated_format", 1);
        writer.WriteEndObject();
    });
}
