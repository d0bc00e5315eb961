using System.Text.Json;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// Where an OME-NGFF image's <c>multiscales</c> and <c>omero</c> go in a group's attributes: at the top, each with
/// its own version, in 0.4 (zarr v2); under <c>"ome"</c>, which says the version once, from 0.5 (zarr v3).
/// </summary>
internal static class NgffImageBlock
{
    public const string Ngff04 = "0.4";

    /// <summary>
    /// Has <paramref name="write"/> write the image's blocks into the attributes object being written, given the
    /// version to write in each block, or null where the enclosing <c>"ome"</c> says it.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, string ngffVersion, Action<Utf8JsonWriter, string?> write)
    {
        if (ngffVersion == Ngff04)
        {
            write(writer, ngffVersion);
            return;
        }

        writer.WriteStartObject("ome");
        writer.WriteString("version", ngffVersion);
        write(writer, null);
        writer.WriteEndObject();
    }
}
