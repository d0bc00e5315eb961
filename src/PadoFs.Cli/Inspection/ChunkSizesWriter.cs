using System.Text.Json;

namespace PadoFs.Cli.Inspection;

/// <summary>Writes a chunk-size grid as JSON: a list of rows, each a list of integers.</summary>
internal static class ChunkSizesWriter
{
    public static void Write(Stream output, long[,] sizes)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartArray();
            for (var row = 0; row < sizes.GetLength(0); row++)
            {
                writer.WriteStartArray();
                for (var column = 0; column < sizes.GetLength(1); column++)
                {
                    writer.WriteNumberValue(sizes[row, column]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
