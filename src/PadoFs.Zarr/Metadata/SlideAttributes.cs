using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Pixels;
using PadoFs.Images.Records;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A slide group's <c>.zattrs</c>: OME-NGFF 0.4 <c>multiscales</c> (axes in the layout's order, per level a
/// scale of mpp x that level's downsample on each axis, in micrometres, or in pixels when the slide has no
/// mpp), <c>omero</c> channel colours in the OME-NGFF layout, and the image's pado record under <c>"pado"</c>.
/// </summary>
internal static class SlideAttributes
{
    private const string NgffVersion = "0.4";

    public static byte[] ToJson(string name, IReadOnlyList<ImageLevel> levels, PixelFormat format, ImageRecord record, ZarrLayout layout) =>
        ZarrJson.Write(writer =>
        {
            var hasMpp = record is { MppX: not null, MppY: not null };
            writer.WriteStartObject();
            writer.WriteStartArray("multiscales");
            writer.WriteStartObject();
            writer.WriteString("version", NgffVersion);
            writer.WriteString("name", name);
            WriteAxes(writer, format, layout, hasMpp);
            WriteDatasets(writer, levels, format, layout, record);

            // The levels are the ones the scanner stored, not a pyramid computed here by a known method.
            writer.WriteString("type", "stored");
            writer.WriteStartObject("metadata");
            writer.WriteString("description", "pyramid levels as stored in the slide file, decoded on demand");
            writer.WriteString("method", record.PadoImageBackend);
            writer.WriteString("version", record.PadoImageBackendVersion);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (layout == ZarrLayout.OmeNgff)
            {
                OmeroChannels.Write(writer, format);
            }

            writer.WritePropertyName("pado");
            ImageRecordJson.Write(writer, record);
            writer.WriteEndObject();
        });

    private static void WriteAxes(Utf8JsonWriter writer, PixelFormat format, ZarrLayout layout, bool hasMpp)
    {
        writer.WriteStartArray("axes");
        if (layout == ZarrLayout.OmeNgff)
        {
            WriteChannelAxis(writer);
        }

        WriteSpaceAxis(writer, "y", hasMpp);
        WriteSpaceAxis(writer, "x", hasMpp);
        if (layout == ZarrLayout.Pado && format.Samples > 1)
        {
            WriteChannelAxis(writer);
        }

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

    private static void WriteDatasets(Utf8JsonWriter writer, IReadOnlyList<ImageLevel> levels, PixelFormat format, ZarrLayout layout, ImageRecord record)
    {
        var level0 = levels[0];
        writer.WriteStartArray("datasets");
        foreach (var level in levels)
        {
            // Per axis, since a level's width and height need not shrink by exactly the same factor.
            var scaleX = (record.MppX ?? 1) * ((double)level0.Width / level.Width);
            var scaleY = (record.MppY ?? 1) * ((double)level0.Height / level.Height);
            writer.WriteStartObject();
            writer.WriteString("path", level.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartArray("coordinateTransformations");
            writer.WriteStartObject();
            writer.WriteString("type", "scale");
            writer.WriteStartArray("scale");
            if (layout == ZarrLayout.OmeNgff)
            {
                writer.WriteNumberValue(1);
            }

            writer.WriteNumberValue(scaleY);
            writer.WriteNumberValue(scaleX);
            if (layout == ZarrLayout.Pado && format.Samples > 1)
            {
                writer.WriteNumberValue(1);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
