using System.Text.Json;
using System.Globalization;
using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// OME-NGFF's <c>omero</c> block: one entry per channel of the c axis, named and coloured as the file names them
/// (OME-XML, where it names every channel), else red, green, blue for RGB samples, grey for one channel, white for more; windows span an integer type's range, 0 to 1 for floating point.
/// </summary>
internal static class OmeroChannels
{
    private static readonly (string Label, string Color)[] s_rgb = [("red", "FF0000"), ("green", "00FF00"), ("blue", "0000FF")];

    /// <param name="version">the OME-NGFF version written into the block, or null where the enclosing one says it.</param>
    public static void Write(Utf8JsonWriter writer, PixelFormat format, int count, IReadOnlyList<SlideChannel> named, string? version)
    {
        var (min, max) = Window(format.Type);
        var useNames = named.Count == count;
        var isRgb = count == 3 && !useNames;
        writer.WriteStartObject("omero");
        if (version is not null)
        {
            writer.WriteString("version", version);
        }

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
            writer.WriteNumber("min", min);
            writer.WriteNumber("max", max);
            writer.WriteNumber("start", min);
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

    // An integer type's whole range; floating-point samples are taken to be intensities from 0 to 1, since their
    // type's range says nothing of the data and reading the data to find it would decode the whole slide.
    private static (double Min, double Max) Window(PixelType type) => type switch
    {
        PixelType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        PixelType.UInt16 => (0, ushort.MaxValue),
        PixelType.Int16 => (short.MinValue, short.MaxValue),
        PixelType.UInt32 => (0, uint.MaxValue),
        PixelType.Int32 => (int.MinValue, int.MaxValue),
        PixelType.Float16 or PixelType.Float32 or PixelType.Float64 => (0, 1),
        _ => (0, byte.MaxValue),
    };
}
