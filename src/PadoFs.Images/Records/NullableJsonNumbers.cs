using System.Text.Json;

namespace PadoFs.Images.Records;

/// <summary>Writes optional numbers as pado records and reports do: the number, or an explicit null.</summary>
public static class NullableJsonNumbers
{
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, long? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
