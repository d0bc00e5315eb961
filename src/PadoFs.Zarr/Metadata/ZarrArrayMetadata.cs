namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A zarr v2 array's <c>.zarray</c>: uncompressed C-order chunks, fill value 0, no filters, keys sorted as
/// zarr-python and tifffile write them. A <paramref name="DimensionSeparator"/> of null is zarr's default "."
/// and, as in tifffile's store, not written.
/// </summary>
public sealed record ZarrArrayMetadata(IReadOnlyList<long> Shape, IReadOnlyList<int> Chunks, string DType, char? DimensionSeparator = null)
{
    public byte[] ToJson() => ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("chunks");
        foreach (var chunk in Chunks)
        {
            writer.WriteNumberValue(chunk);
        }

        writer.WriteEndArray();
        writer.WriteNull("compressor");
        if (DimensionSeparator is { } separator)
        {
            writer.WriteString("dimension_separator", separator.ToString());
        }

        writer.WriteString("dtype", DType);
        writer.WriteNumber("fill_value", 0);
        writer.WriteNull("filters");
        writer.WriteString("order", "C");
        writer.WriteStartArray("shape");
        foreach (var length in Shape)
        {
            writer.WriteNumberValue(length);
        }

        writer.WriteEndArray();
        writer.WriteNumber("zarr_format", 2);
        writer.WriteEndObject();
    });
}
