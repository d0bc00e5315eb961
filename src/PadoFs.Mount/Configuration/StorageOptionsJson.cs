using System.Text.Json;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// Reads fsspec's <c>storage_options</c> from a config: an object of strings, booleans and numbers, nested objects
/// (s3fs's <c>client_kwargs</c>) flattened with a dot, as <c>client_kwargs.region_name</c>.
/// </summary>
public static class StorageOptionsJson
{
    public static Dictionary<string, string>? Read(JsonElement element, string label, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{label} must be an object of fsspec storage options, e.g. {{\"anon\": true}}");
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(element, string.Empty, label, options, problems);
        return options;
    }

    private static void Flatten(JsonElement element, string prefix, string label, Dictionary<string, string> options, ICollection<string> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name + ".", label, options, problems);
                    break;
                case JsonValueKind.String:
                    options[name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    options[name] = property.Value.ValueKind == JsonValueKind.True ? "true" : "false";
                    break;
                case JsonValueKind.Number:
                    options[name] = property.Value.GetRawText();
                    break;
                default:
                    problems.Add($"{label}: '{name}' must be a string, a boolean or a number");
                    break;
            }
        }
    }
}
