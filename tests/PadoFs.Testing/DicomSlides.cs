using System.Text.Json;

namespace PadoFs.Testing;

/// <summary>
/// DICOM whole-slide fixtures that pydicom writes from the shared SVS slides (and dcmtk checks), made once per test
/// class into a temporary directory by the oracle script make_dicom_slides.py; plus the real boxes fixture.
/// </summary>
public sealed class DicomSlides : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public DicomSlides()
    {
        using var manifest = JsonDocument.Parse(Python.RunOracle("make_dicom_slides.py", SharedSlides.Directory, _directory.Path));
        var slides = manifest.RootElement.GetProperty("slides");
        Slides = slides.EnumerateObject().ToDictionary(slide => slide.Name, slide => slide.Value.GetString()!);
        Slides["boxes"] = SharedSlides.PathOf("boxes_0.dcm");
        Broken = manifest.RootElement.GetProperty("broken").EnumerateObject().ToDictionary(
            slide => slide.Name,
            slide => new BrokenDicom(slide.Value.GetProperty("path").GetString()!, slide.Value.GetProperty("reason").GetString()!));
    }

    /// <summary>
    /// The file to open of each slide: <c>cmu</c> (JPEG level, uncompressed level, label, macro, thumbnail),
    /// <c>tcga</c> (two JPEG 2000 levels), <c>sparse</c> (TILED_SPARSE with missing tiles), <c>concat</c> (a level
    /// in three instances) and <c>boxes</c> (the shared real fixture).
    /// </summary>
    public Dictionary<string, string> Slides { get; }

    /// <summary>Broken instances by case, each alone in its folder, with what the error must say.</summary>
    public Dictionary<string, BrokenDicom> Broken { get; }

    public void Dispose() => _directory.Dispose();
}

public sealed record BrokenDicom(string Path, string Reason);
