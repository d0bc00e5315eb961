using System.Globalization;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>A region read as both readers take it: origin in level-0 pixels, size in level pixels.</summary>
public sealed record RegionRequest(int Level, long X, long Y, int Width, int Height)
{
    public string Spec => string.Create(CultureInfo.InvariantCulture, $"{Level},{X},{Y},{Width},{Height}");

    public int ByteCount => Width * Height * 3;
}
