namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A zarr v2 array's <c>.zarray</c>: uncompressed C-order chunks, fill value 0, no filters. The dimension
/// separator is zarr's default "." and, as in tifffile's store, not written.
/// </summary>
public sealed record ZarrArrayMetadata(IReadOnlyList<long> Shape, IReadOnlyList<int> Chunks, string DType)
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
