using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>A level decoded by an independent reader (oracle tiff_pixels.py: tifffile, or Pillow's libtiff for LZW and PackBits).</summary>
internal sealed record OracleImage(int Height, int Width, int Samples, int BytesPerSample, byte[] Data)
{
    public int PixelBytes => Samples * BytesPerSample;

    public static OracleImage Decode(string path, int series, int level)
    {
        using var directory = new TemporaryDirectory();
        var output = directory.File("pixels.raw");
        using var header = JsonDocument.Parse(Python.RunOracle("tiff_pixels.py", path, series.ToString(), level.ToString(), output));
        var root = header.RootElement;
        var bytesPerSample = root.GetProperty("dtype").GetString() == "<u2" ? 2 : 1;
        return new OracleImage(
            root.GetProperty("height").GetInt32(),
            root.GetProperty("width").GetInt32(),
            root.GetProperty("samples").GetInt32(),
            bytesPerSample,
            File.ReadAllBytes(output));
    }

    /// <summary>The region at (<paramref name="x"/>, <paramref name="y"/>), 0 where it leaves the image.</summary>
    public byte[] Crop(long x, long y, int width, int height)
    {
        var region = new byte[width * height * PixelBytes];
        for (var row = 0; row < height; row++)
        {
            for (var col = 0; col < width; col++)
            {
                var (sourceY, sourceX) = (y + row, x + col);
                if (sourceY >= 0 && sourceY < Height && sourceX >= 0 && sourceX < Width)
                {
                    Data.AsSpan((int)((sourceY * Width) + sourceX) * PixelBytes, PixelBytes).CopyTo(region.AsSpan(((row * width) + col) * PixelBytes));
                }
            }
        }

        return region;
    }
}
