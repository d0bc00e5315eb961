using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Backends;
using PadoFs.Images.Records;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A slide group's <c>.zattrs</c>, with the image's pado record under <c>"pado"</c>. In the OME-NGFF layout,
/// OME-NGFF 0.4 <c>multiscales</c> (the level arrays' axes, (t, c, z, y, x) less those the image lacks, c always;
/// per level a scale of mpp x that level's downsample on y and x, in micrometres, or in pixels when the slide has no
/// mpp, and 1 on the others) and <c>omero</c> channels. In the pado
/// layout, whose (y, x, c) axes OME-NGFF 0.4 forbids, the <c>multiscales</c> tifffile writes for a series: the
/// levels' paths only (its NGFF 0.1 form, which names no axes and no scales).
/// </summary>
internal static class SlideAttributes
{
    private const string NgffVersion = "0.4";
    private const string TifffileMultiscalesVersion = "0.1";

    public static byte[] ToJson(string name, IReadOnlyList<ImageLevel> levels, ArrayGeometry level0, IReadOnlyList<SlideChannel> channels, ImageRecord record, ZarrLayout layout) =>
        ZarrJson.Write(writer =>
        {
            writer.WriteStartObject();
            if (layout == ZarrLayout.OmeNgff)
            {
                WriteNgffMultiscales(writer, name, levels, level0.DimensionNames, record);
                OmeroChannels.Write(writer, level0.Format, ChannelCount(level0), channels);
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

    private static int ChannelCount(ArrayGeometry level0)
    {
        for (var axis = 0; axis < level0.DimensionNames.Count; axis++)
        {
            if (level0.DimensionNames[axis] == "c")
            {
                return checked((int)level0.Metadata.Shape[axis]);
            }
        }

        return 1;
    }

    private static void WriteNgffMultiscales(Utf8JsonWriter writer, string name, IReadOnlyList<ImageLevel> levels, IReadOnlyList<string> axes, ImageRecord record)
    {
        var hasMpp = record is { MppX: not null, MppY: not null };
        writer.WriteStartArray("multiscales");
        writer.WriteStartObject();
        writer.WriteString("version", NgffVersion);
        writer.WriteString("name", name);
        WriteAxes(writer, axes, hasMpp);
        WriteDatasets(writer, levels, axes, record);

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

    private static void WriteAxes(Utf8JsonWriter writer, IReadOnlyList<string> axes, bool hasMpp)
    {
        writer.WriteStartArray("axes");
        foreach (var axis in axes)
        {
            switch (axis)
            {
                case "c":
                    WriteChannelAxis(writer);
                    break;
                case "t":
                    writer.WriteStartObject();
                    writer.WriteString("name", "t");
                    writer.WriteString("type", "time");
                    writer.WriteEndObject();
                    break;
                default:
                    // z is in planes: OME-XML's PhysicalSizeZ is not read.
                    WriteSpaceAxis(writer, axis, hasMpp && axis != "z");
                    break;
            }
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

    private static void WriteDatasets(Utf8JsonWriter writer, IReadOnlyList<ImageLevel> levels, IReadOnlyList<string> axes, ImageRecord record)
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
            foreach (var axis in axes)
            {
                writer.WriteNumberValue(axis switch
                {
                    "y" => scaleY,
                    "x" => scaleX,
                    _ => 1,
                });
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
