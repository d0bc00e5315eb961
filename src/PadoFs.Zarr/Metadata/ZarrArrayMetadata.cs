namespace PadoFs.Zarr.Metadata;

/// <summary>
/// A zarr v2 array's <c>.zarray</c>: uncompressed C-order chunks, no filters, keys sorted as zarr-python and
/// tifffile write them. A <paramref name="DimensionSeparator"/> of null is zarr's default "." and, as in
/// tifffile's store, not written. A <paramref name="FillValue"/> of null is written as null: no value marks
/// missing pixels, so xarray and GDAL do not take 0 pixels for missing ones (every chunk exists).
/// </summary>
public sealed record ZarrArrayMetadata(IReadOnlyList<long> Shape, IReadOnlyList<int> Chunks, string DType, char? DimensionSeparator = null, int? FillValue = 0)
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
        if (FillValue is { } fill)
        {
            writer.WriteNumber("fill_value", fill);
        }
        else
        {
            writer.WriteNull("fill_value");
        }
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
