using System.Buffers;
using System.Text.Json;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// Writes zarr metadata documents the way tifffile and zarr-python do (Python's <c>json.dumps(indent=1)</c>),
/// so a level's <c>.zarray</c> is byte for byte the one pado's store gives.
/// </summary>
internal static class ZarrJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        IndentSize = 1,

        // Python's line break on every platform: on Windows the writer would otherwise break lines with CR LF.
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            body(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="numbers"/> as the list <paramref name="name"/> (a shape, a chunk shape).</summary>
    public static void WriteNumbers<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> numbers)
        where T : System.Numerics.IBinaryInteger<T>
    {
        writer.WriteStartArray(name);
        foreach (var number in numbers)
        {
            writer.WriteNumberValue(long.CreateChecked(number));
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a JSON document held as bytes as the next value, indented where it lands.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, ReadOnlyMemory<byte> json)
    {
        using var parsed = JsonDocument.Parse(json);
        parsed.WriteTo(writer);
    }
}
