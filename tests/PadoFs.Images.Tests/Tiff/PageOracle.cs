using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>
/// Every page of a TIFF as oracle tiff_page_pixels.py decodes it (tifffile, else libvips or Pillow): tifffile's page
/// array (axes YX, YXS or SYX), little-endian, keyed by the page's IFD offset; or why no reader here decodes it.
/// </summary>
internal sealed record PageOracle(long Offset, IReadOnlyList<long>? Shape, string? Dtype, string? Reader, string? Error, byte[]? Data)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<PageOracle> Of(string file)
    {
        using var directory = new TemporaryDirectory();
        var pages = JsonSerializer.Deserialize<List<PageOracle>>(Python.RunOracle("tiff_page_pixels.py", "pages", file, directory.Path), s_json)!;
        return pages.ConvertAll(page => page.Error is null ? page with { Data = File.ReadAllBytes(directory.File($"{page.Offset}.raw")) } : page);
    }
}
