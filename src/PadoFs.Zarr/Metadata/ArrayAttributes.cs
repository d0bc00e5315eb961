using System.Text.Json.Nodes;

namespace PadoFs.Zarr.Metadata;

/// <summary>An array's <c>.zattrs</c>: xarray's <c>_ARRAY_DIMENSIONS</c> merged with the caller's attributes (which win), keys sorted as tifffile writes them.</summary>
internal static class ArrayAttributes
{
    private const string DimensionsKey = "_ARRAY_DIMENSIONS";

    public static byte[] ToJson(IReadOnlyList<string> dimensionNames, JsonObject? extra)
    {
        var dimensions = new JsonArray();
        foreach (var name in dimensionNames)
        {
            dimensions.Add(name);
        }

        var merged = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal) { [DimensionsKey] = dimensions };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                merged[key] = value?.DeepClone();
            }
        }

        return ZarrJson.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (key, value) in merged)
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
    }
}
