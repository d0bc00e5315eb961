using System.Text.Json;
using System.Globalization;
using PadoFs.Images.Backends;
using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// OME-NGFF's <c>omero</c> block: one entry per channel of the c axis, named and coloured as the file names them
/// (OME-XML, where it names every channel), else red, green, blue for RGB samples, grey for one channel, white for more; windows span the type's range.
/// </summary>
internal static class OmeroChannels
{
    private static readonly (string Label, string Color)[] s_rgb = [("red", "FF0000"), ("green", "00FF00"), ("blue", "0000FF")];

    public static void Write(Utf8JsonWriter writer, PixelFormat format, int count, IReadOnlyList<SlideChannel> named)
    {
        var max = format.Type == PixelType.UInt16 ? ushort.MaxValue : byte.MaxValue;
        var useNames = named.Count == count;
        var isRgb = count == 3 && !useNames;
        writer.WriteStartObject("omero");
        writer.WriteString("version", "0.4");
        writer.WriteStartArray("channels");
        for (var channel = 0; channel < count; channel++)
        {
            var (label, color) = isRgb ? s_rgb[channel] : (count == 1 ? "gray" : $"channel {channel}", "FFFFFF");
            if (useNames)
            {
                label = named[channel].Name ?? label;
                color = named[channel].Rgba is { } rgba ? (rgba >> 8).ToString("X6", CultureInfo.InvariantCulture) : color;
            }

            writer.WriteStartObject();
            writer.WriteString("label", label);
            writer.WriteString("color", color);
            writer.WriteBoolean("active", true);
            writer.WriteNumber("coefficient", 1);
            writer.WriteString("family", "linear");
            writer.WriteBoolean("inverted", false);
            writer.WriteStartObject("window");
            writer.WriteNumber("min", 0);
            writer.WriteNumber("max", max);
            writer.WriteNumber("start", 0);
            writer.WriteNumber("end", max);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("rdefs");
        writer.WriteString("model", isRgb || (useNames && count > 1) ? "color" : "greyscale");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
