using System.Text.Json;
using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>OME-NGFF's <c>omero</c> block: one channel per sample, coloured red, green, blue for RGB, so viewers show the slide in colour.</summary>
internal static class OmeroChannels
{
    private static readonly (string Label, string Color)[] s_rgb = [("red", "FF0000"), ("green", "00FF00"), ("blue", "0000FF")];

    /// <param name="version">the OME-NGFF version written into the block, or null where the enclosing one says it.</param>
    public static void Write(Utf8JsonWriter writer, PixelFormat format, string? version)
    {
        var max = format.Type == PixelType.UInt16 ? ushort.MaxValue : byte.MaxValue;
        var isRgb = format.Samples == 3;
        writer.WriteStartObject("omero");
        if (version is not null)
        {
            writer.WriteString("version", version);
        }

        writer.WriteStartArray("channels");
        for (var sample = 0; sample < format.Samples; sample++)
        {
            var (label, color) = isRgb ? s_rgb[sample] : (format.Samples == 1 ? "gray" : $"channel {sample}", "FFFFFF");
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
        writer.WriteString("model", isRgb ? "color" : "greyscale");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
