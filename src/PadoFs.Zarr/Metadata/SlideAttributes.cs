using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Pixels;
using PadoFs.Images.Records;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A slide group's attributes, with the image's pado record under <c>"pado"</c>. In OME-NGFF's convention,
/// <c>multiscales</c> (axes c, y, x; per level a scale of mpp x that level's downsample on each axis, in
/// micrometres, or in pixels when the slide has no mpp) and <c>omero</c> channel colours: OME-NGFF 0.4 at the top
/// (zarr v2), or 0.5 under <c>"ome"</c> (zarr v3). In tifffile's convention, whose (y, x, c) axes OME-NGFF forbids,
/// the <c>multiscales</c> tifffile writes for a series in zarr v2: the levels' paths only (its NGFF 0.1 form, which
/// names no axes and no scales), in either format.
/// </summary>
internal static class SlideAttributes
{
    private const string TifffileMultiscalesVersion = "0.1";

    public static byte[] ToJson(string name, IReadOnlyList<ImageLevel> levels, PixelFormat format, ImageRecord record, MetadataConvention convention, string ngffVersion) =>
        ZarrJson.Write(writer =>
        {
            writer.WriteStartObject();
            if (convention == MetadataConvention.OmeNgff)
            {
                NgffImageBlock.Write(writer, ngffVersion, format, (inner, version) => WriteNgffMultiscales(inner, name, levels, record, version));
            }
            else
            {
                WriteTifffileMultiscales(writer, name, levels);
            }

            writer.WritePropertyName("pado");
            ImageRecordJson.Write(writer, record);
            writer.WriteEndObject();
        });

    // Keys in tifffile's (sorted) order.
    private static void WriteTifffileMultiscales(Utf8JsonWriter writer, string name, IReadOnlyList<ImageLevel> levels)
    {
        writer.WriteStartArray("multiscales");
        writer.WriteStartObject();
        writer.WriteStartArray("datasets");
        foreach (var level in levels)
        {
            writer.WriteStartObject();
            writer.WriteString("path", level.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("metadata");
        writer.WriteEndObject();
        writer.WriteString("name", name);
        writer.WriteString("version", TifffileMultiscalesVersion);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteNgffMultiscales(Utf8JsonWriter writer, string name, IReadOnlyList<ImageLevel> levels, ImageRecord record, string? version)
    {
        var hasMpp = record is { MppX: not null, MppY: not null };
        writer.WriteStartArray("multiscales");
        writer.WriteStartObject();
        if (version is not null)
        {
            writer.WriteString("version", version);
        }

        writer.WriteString("name", name);
        WriteAxes(writer, hasMpp);
        WriteDatasets(writer, levels, record);

        // The levels are the ones the scanner stored, not a pyramid computed here by a known method.
        writer.WriteString("type", "stored");
        writer.WriteStartObject("metadata");
        writer.WriteString("description", "pyramid levels as stored in the slide file, decoded on demand");
        writer.WriteString("method", record.PadoImageBackend);
        writer.WriteString("version", record.PadoImageBackendVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    public static void WriteAxes(Utf8JsonWriter writer, bool hasMpp)
    {
        writer.WriteStartArray("axes");
        WriteChannelAxis(writer);
        WriteSpaceAxis(writer, "y", hasMpp);
        WriteSpaceAxis(writer, "x", hasMpp);
        writer.WriteEndArray();
    }

    private static void WriteSpaceAxis(Utf8JsonWriter writer, string name, bool hasMpp)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("type", "space");
        if (hasMpp)
        {
            writer.WriteString("unit", "micrometer");
        }

        writer.WriteEndObject();
    }

    private static void WriteChannelAxis(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "c");
        writer.WriteString("type", "channel");
        writer.WriteEndObject();
    }

    private static void WriteDatasets(Utf8JsonWriter writer, IReadOnlyList<ImageLevel> levels, ImageRecord record)
    {
        var level0 = levels[0];
        writer.WriteStartArray("datasets");
        foreach (var level in levels)
        {
            // Per axis, since a level's width and height need not shrink by exactly the same factor.
            var scaleX = (record.MppX ?? 1) * ((double)level0.Width / level.Width);
            var scaleY = (record.MppY ?? 1) * ((double)level0.Height / level.Height);
            WriteDataset(writer, level.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), scaleY, scaleX);
        }

        writer.WriteEndArray();
    }

    /// <summary>One entry of <c>datasets</c>: the array's path and its scale on (c, y, x).</summary>
    public static void WriteDataset(Utf8JsonWriter writer, string path, double scaleY, double scaleX)
    {
        writer.WriteStartObject();
        writer.WriteString("path", path);
        writer.WriteStartArray("coordinateTransformations");
        writer.WriteStartObject();
        writer.WriteString("type", "scale");
        writer.WriteStartArray("scale");
        writer.WriteNumberValue(1);
        writer.WriteNumberValue(scaleY);
        writer.WriteNumberValue(scaleX);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
