using System.Text.Json;
using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// Where an OME-NGFF image's <c>multiscales</c> and <c>omero</c> go in a group's attributes: at the top, each with
/// its own version, in 0.4 (zarr v2); under <c>"ome"</c>, which says the version once, from 0.5 (zarr v3).
/// </summary>
internal static class NgffImageBlock
{
    public const string Ngff04 = "0.4";

    /// <summary>
    /// Writes <paramref name="multiscales"/> (given the version to write in each multiscale, or null) and the
    /// <c>omero</c> colours of <paramref name="format"/> into the attributes object being written.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, string ngffVersion, PixelFormat format, Action<Utf8JsonWriter, string?> multiscales)
    {
        if (ngffVersion == Ngff04)
        {
            multiscales(writer, ngffVersion);
            OmeroChannels.Write(writer, format, ngffVersion);
            return;
        }

        writer.WriteStartObject("ome");
        writer.WriteString("version", ngffVersion);
        multiscales(writer, null);
        OmeroChannels.Write(writer, format, version: null);
        writer.WriteEndObject();
    }
}
