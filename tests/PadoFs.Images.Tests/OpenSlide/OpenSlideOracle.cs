using System.Collections.Concurrent;
using System.Text.Json;
using PadoFs.Images.Backends;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>What openslide-python reads from a slide (oracle <c>openslide_region.py</c>).</summary>
internal static class OpenSlideOracle
{
    private const string Script = "openslide_region.py";

    private static readonly ConcurrentDictionary<string, SlideInfo> s_info = new();

    public static SlideInfo Info(string slide) => s_info.GetOrAdd(slide, static path =>
    {
        using var json = JsonDocument.Parse(Python.RunOracle(Script, "info", path));
        var root = json.RootElement;
        var levels = root.GetProperty("levels").EnumerateArray()
            .Select(level => new SlideLevel(
                level.GetProperty("width").GetInt64(),
                level.GetProperty("height").GetInt64(),
                level.GetProperty("downsample").GetDouble(),
                0,
                0))
            .ToList();
        var properties = root.GetProperty("properties").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetString()!, StringComparer.Ordinal);
        var associated = root.GetProperty("associated").EnumerateObject()
            .ToDictionary(image => image.Name, image => (image.Value[0].GetInt32(), image.Value[1].GetInt32()), StringComparer.Ordinal);
        return new SlideInfo(
            root.GetProperty("library_version").GetString()!,
            root.GetProperty("vendor").GetString(),
            levels,
            properties,
            associated);
    });

    /// <summary>The composited RGB bytes of each region, and how many of its pixels were transparent or partly so.</summary>
    public static List<RegionPixels> Regions(string slide, IReadOnlyList<RegionRequest> requests)
    {
        using var directory = new TemporaryDirectory();
        var arguments = new List<string> { "regions", slide, directory.Path };
        arguments.AddRange(requests.Select(request => request.Spec));
        using var json = JsonDocument.Parse(Python.RunOracle(Script, [.. arguments]));
        return json.RootElement.EnumerateArray()
            .Select((region, index) => new RegionPixels(
                requests[index],
                File.ReadAllBytes(region.GetProperty("file").GetString()!),
                region.GetProperty("transparent").GetInt32(),
                region.GetProperty("partial").GetInt32()))
            .ToList();
    }

    public static List<AssociatedPixels> AssociatedImages(string slide)
    {
        using var directory = new TemporaryDirectory();
        using var json = JsonDocument.Parse(Python.RunOracle(Script, "associated", slide, directory.Path));
        return json.RootElement.EnumerateArray()
            .Select(image => new AssociatedPixels(
                image.GetProperty("name").GetString()!,
                image.GetProperty("width").GetInt32(),
                image.GetProperty("height").GetInt32(),
                File.ReadAllBytes(image.GetProperty("file").GetString()!)))
            .ToList();
    }

    /// <summary>How openslide-python fails on a bad file.</summary>
    public static SlideErrors Errors(string slide)
    {
        using var json = JsonDocument.Parse(Python.RunOracle(Script, "errors", slide));
        var root = json.RootElement;
        return new SlideErrors(
            root.GetProperty("vendor").GetString(),
            root.GetProperty("open").GetString(),
            root.GetProperty("read").GetString());
    }

    public sealed record SlideInfo(
        string LibraryVersion,
        string? Vendor,
        IReadOnlyList<SlideLevel> Levels,
        IReadOnlyDictionary<string, string> Properties,
        IReadOnlyDictionary<string, (int Width, int Height)> AssociatedImages);

    public sealed record RegionPixels(RegionRequest Request, byte[] Rgb, int Transparent, int Partial);

    public sealed record AssociatedPixels(string Name, int Width, int Height, byte[] Rgb);

    /// <summary><see cref="Open"/> is "unsupported" when OpenSlide does not recognise the file, else its error or null.</summary>
    public sealed record SlideErrors(string? Vendor, string? Open, string? Read);
}
