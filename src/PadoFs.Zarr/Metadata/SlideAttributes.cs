using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Pixels;
using PadoFs.Images.Records;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A slide group's attributes, with the image's pado record under <c>"pado"</c>. In OME-NGFF's convention,
/// <c>multiscales</c> (the level arrays' axes, (t, c, z, y, x) less those the image lacks, c always; per level a
/// scale of mpp x that level's downsample on y and x, in micrometres, or in pixels when the slide has no mpp, and 1
/// on the others) and <c>omero</c> channels: OME-NGFF 0.4 at the top (zarr v2), or 0.5 under <c>"ome"</c> (zarr v3).
/// In tifffile's convention, whose axes OME-NGFF forbids, the <c>multiscales</c> tifffile writes for a series in
/// zarr v2: the levels' paths only (its NGFF 0.1 form, which names no axes and no scales), in either format.
/// </summary>
internal static class SlideAttributes
{
    private const string TifffileMultiscalesVersion = "0.1";

    public static byte[] ToJson(string name, IReadOnlyList<ImageLevel> levels, ArrayGeometry level0, IReadOnlyList<SlideChannel> channels, ImageRecord record, MetadataConvention convention, string ngffVersion) =>
        Write(name, levels, level0, channels, record, convention, ngffVersion, writeRecord: true);

    /// <summary>
    /// The attributes of another series' group: its multiscales as a slide's are, scaled by the series' own mpp where
    /// the file gives one, and no pado record, which describes the slide's series 0.
    /// </summary>
    public static byte[] SeriesJson(string name, ImageSeries series, ArrayGeometry level0, ImageRecord record, MetadataConvention convention, string ngffVersion) =>
        Write(name, series.Levels, level0, series.Channels, record with { MppX = series.Mpp?.X, MppY = series.Mpp?.Y }, convention, ngffVersion, writeRecord: false);

    private static byte[] Write(string name, IReadOnlyList<ImageLevel> levels, ArrayGeometry level0, IReadOnlyList<SlideChannel> channels, ImageRecord record, MetadataConvention convention, string ngffVersion, bool writeRecord) =>
        ZarrJson.Write(writer =>
        {
            writer.WriteStartObject();
            if (convention == MetadataConvention.OmeNgff)
            {
                NgffImageBlock.Write(writer, ngffVersion, (inner, version) =>
                {
                    WriteNgffMultiscales(inner, name, levels, level0.DimensionNames, record, version);
                    OmeroChannels.Write(inner, level0.Format, ChannelCount(level0), channels, version);
                });
            }
            else
            {
                WriteTifffileMultiscales(writer, name, levels);
            }

            if (writeRecord)
            {
                writer.WritePropertyName("pado");
                ImageRecordJson.Write(writer, record);
            }

            writer.WriteEndObject();
        });

    /// <summary>An NGFF <c>axes</c> list for arrays whose dimensions are named <paramref name="axes"/>.</summary>
    public static void WriteAxes(Utf8JsonWriter writer, IReadOnlyList<string> axes, bool hasMpp)
    {
        writer.WriteStartArray("axes");
        foreach (var axis in axes)
        {
            switch (axis)
            {
                case "c":
                    WriteAxis(writer, "c", "channel", unit: null);
                    break;
                case "t":
                    WriteAxis(writer, "t", "time", unit: null);
                    break;
                default:
                    // z is in planes: OME-XML's PhysicalSizeZ is not read.
                    WriteAxis(writer, axis, "space", hasMpp && axis != "z" ? "micrometer" : null);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>One entry of <c>datasets</c>: the array's path and its scale, <paramref name="scaleY"/> and <paramref name="scaleX"/> on y and x, 1 on the other axes.</summary>
    public static void WriteDataset(Utf8JsonWriter writer, string path, IReadOnlyList<string> axes, double scaleY, double scaleX)
    {
        writer.WriteStartObject();
        writer.WriteString("path", path);
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

    private static void WriteNgffMultiscales(Utf8JsonWriter writer, string name, IReadOnlyList<ImageLevel> levels, IReadOnlyList<string> axes, ImageRecord record, string? version)
    {
        var hasMpp = record is { MppX: not null, MppY: not null };
        writer.WriteStartArray("multiscales");
        writer.WriteStartObject();
        if (version is not null)
        {
            writer.WriteString("version", version);
        }

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

    private static void WriteAxis(Utf8JsonWriter writer, string name, string type, string? unit)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("type", type);
        if (unit is not null)
        {
            writer.WriteString("unit", unit);
        }

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
            WriteDataset(writer, level.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), axes, scaleY, scaleX);
        }

        writer.WriteEndArray();
    }
}
