using System.Text.Json.Nodes;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// An array's attributes, keys sorted as tifffile writes them: the caller's, over xarray's <c>_ARRAY_DIMENSIONS</c>
/// when the format keeps axis names there (zarr v2) rather than in the array's own document.
/// </summary>
internal static class ArrayAttributes
{
    private const string DimensionsKey = "_ARRAY_DIMENSIONS";

    public static byte[] ToJson(IReadOnlyList<string>? dimensionNames, JsonObject? extra)
    {
        var merged = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (dimensionNames is not null)
        {
            var dimensions = new JsonArray();
            foreach (var name in dimensionNames)
            {
                dimensions.Add(name);
            }

            merged[DimensionsKey] = dimensions;
        }

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
