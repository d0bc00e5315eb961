using System.Globalization;
using System.Text.Json;

namespace PadoFs.Images.Tiff;

/// <summary>What tifffile's shape description says: the shape, and the axes, name and truncation when given.</summary>
internal sealed record ShapedDescription(long[] Shape, string? Axes, string Name, bool? Truncated)
{
    private const int MaxRank = 32;

    /// <summary>The description parsed, or null where tifffile would fail on it (bad JSON, a shape of no integers, axes of no string).</summary>
    public static ShapedDescription? Parse(string description)
    {
        if (description.StartsWith("shape=", StringComparison.Ordinal))
        {
            return ParseOldStyle(description);
        }

        if (!description.StartsWith('{') || !description.EndsWith('}'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(description);
            var root = document.RootElement;
            if (!root.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array || shapeElement.GetArrayLength() > MaxRank)
            {
                return null;
            }

            var shape = new long[shapeElement.GetArrayLength()];
            var i = 0;
            foreach (var size in shapeElement.EnumerateArray())
            {
                if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out shape[i]) || shape[i] < 0)
                {
                    return null;
                }

                i++;
            }

            string? axes = null;
            if (root.TryGetProperty("axes", out var axesElement))
            {
                if (axesElement.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                axes = axesElement.GetString();
            }

            var name = root.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() ?? string.Empty : string.Empty;
            bool? truncated = root.TryGetProperty("truncated", out var truncatedElement) && truncatedElement.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? truncatedElement.GetBoolean()
                : null;
            return new ShapedDescription(shape, axes, name, truncated);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // tifffile's old description, shape=(a, b, c): the sizes between the parentheses.
    private static ShapedDescription? ParseOldStyle(string description)
    {
        if (description.Length < 8)
        {
            return null;
        }

        var parts = description[7..^1].Split(',');
        if (parts.Length > MaxRank)
        {
            return null;
        }

        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out shape[i]) || shape[i] < 0)
            {
                return null;
            }
        }

        return new ShapedDescription(shape, null, string.Empty, null);
    }
}
