using System.Globalization;
using System.Text.Json;
using PadoFs.Images.Pixels;
using PadoFs.Zarr.Formats;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// What an array's metadata document says, in whichever format it is written: uncompressed C-order chunks of
/// little-endian samples of <paramref name="Type"/>, keyed by <paramref name="Keys"/>, with axis names. A
/// <paramref name="FillValue"/> of null marks no value as missing, so xarray and GDAL do not take 0 pixels for
/// missing ones (every chunk exists); zarr v3 requires a value, and its readers do not mask with it.
/// </summary>
public sealed record ZarrArrayMetadata(
    IReadOnlyList<long> Shape,
    IReadOnlyList<int> Chunks,
    PixelType Type,
    ChunkKeyEncoding Keys,
    IReadOnlyList<string> DimensionNames,
    int? FillValue = 0)
{
    /// <summary>numpy's name of the sample type (<c>|u1</c>, <c>&lt;u2</c>), as zarr v2 writes it.</summary>
    public string NumpyDType => new PixelFormat(1, Type).NumpyDType;

    /// <summary>zarr v3's name of the sample type (<c>uint8</c>, <c>int16</c>, <c>float32</c>, ...).</summary>
    public string DataType => Type switch
    {
        PixelType.Int8 => "int8",
        PixelType.UInt16 => "uint16",
        PixelType.Int16 => "int16",
        PixelType.UInt32 => "uint32",
        PixelType.Int32 => "int32",
        PixelType.Float16 => "float16",
        PixelType.Float32 => "float32",
        PixelType.Float64 => "float64",
        _ => "uint8",
    };

    /// <summary>Bytes per sample.</summary>
    public int SampleBytes => new PixelFormat(1, Type).BytesPerSample;

    /// <summary>
    /// Writes <c>fill_value</c> as Python's json writes the number in the array's type, as tifffile does: <c>0</c> for
    /// integer samples, <c>0.0</c> for floating-point ones.
    /// </summary>
    public void WriteFillValue(Utf8JsonWriter writer, int value)
    {
        writer.WritePropertyName("fill_value");
        if (new PixelFormat(1, Type).IsFloatingPoint)
        {
            writer.WriteRawValue(string.Create(CultureInfo.InvariantCulture, $"{value}.0"));
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }
}
