using System.Globalization;
using System.Text;

namespace PadoFs.Images.Records;

/// <summary>
/// Formats the slide properties that have no field of their own into <c>extra_json</c> exactly as pado
/// writes it (Python's <c>json.dumps</c> of the sorted properties), so records compare equal across both.
/// </summary>
public static class ExtraJson
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var sorted = new List<KeyValuePair<string, string>>(properties);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder("{");
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            AppendString(builder, sorted[i].Key);
            builder.Append(": ");
            AppendString(builder, sorted[i].Value);
        }

        return builder.Append('}').ToString();
    }

    // Python escapes every non-ASCII UTF-16 unit as \uXXXX (ensure_ascii) and only these control characters by name.
    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
