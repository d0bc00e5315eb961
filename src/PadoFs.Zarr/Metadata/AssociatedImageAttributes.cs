using System.Text.Json;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// The attributes of an associated image's group in the OME-NGFF layout: an OME-NGFF image of one level,
/// <c>0</c>, scaled in pixels (a label or a macro photo is not at the slide's scale), with <c>omero</c> channel
/// colours. Bio-Formats' OME-Zarr reader lists an array outside every <c>multiscales</c> before all images, so
/// as a bare array an associated image would be the first image QuPath opens instead of the slide.
/// </summary>
internal static class AssociatedImageAttributes
{
    public const string LevelPath = "0";

    public static byte[] ToJson(string name, ArrayGeometry geometry, string ngffVersion) => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        NgffImageBlock.Write(writer, ngffVersion, (inner, version) =>
        {
            WriteMultiscales(inner, name, geometry.DimensionNames, version);
            OmeroChannels.Write(inner, geometry.Format, geometry.Format.Samples, named: [], version);
        });
        writer.WriteEndObject();
    });

    private static void WriteMultiscales(Utf8JsonWriter writer, string name, IReadOnlyList<string> axes, string? version)
    {
        writer.WriteStartArray("multiscales");
        writer.WriteStartObject();
        if (version is not null)
        {
            writer.WriteString("version", version);
        }

        writer.WriteString("name", name);
        SlideAttributes.WriteAxes(writer, axes, hasMpp: false);
        writer.WriteStartArray("datasets");
        SlideAttributes.WriteDataset(writer, LevelPath, axes, 1, 1);
        writer.WriteEndArray();
        writer.WriteString("type", "stored");
        writer.WriteStartObject("metadata");
        writer.WriteString("description", "associated image as stored in the slide file, decoded on demand");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
