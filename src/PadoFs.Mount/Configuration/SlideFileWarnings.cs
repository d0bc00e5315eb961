using PadoFs.Images.Dicom;
using PadoFs.Images.Files;
using PadoFs.Images.Sources;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// What in a valid config will not serve as the user probably expects: no images at all, or local slide files that
/// are not there (yet). The mount still starts: a missing slide fails its own folder alone, and may appear later.
/// </summary>
internal static class SlideFileWarnings
{
    /// <summary>Beyond this many missing files the rest are counted, not named: a log is not a file listing.</summary>
    private const int MaxNamed = 20;

    public static List<string> Of(IReadOnlyList<MountedImage> images, bool fromDatasets)
    {
        var warnings = new List<string>();
        if (images.Count == 0)
        {
            warnings.Add(fromDatasets
                ? "the mount shows no slides: neither 'images' nor the datasets give one"
                : "'images' is empty: the mount shows no slides (add records, e.g. the output of padofs record SLIDE...)");
            return warnings;
        }

        var missing = 0;
        foreach (var image in images)
        {
            if (RemoteUrlpath.TryParse(image.Record.Urlpath, out _) || !LocalUrlpath.TryResolve(image.Record.Urlpath, out var path) || File.Exists(path) || IsDicomFolder(path))
            {
                continue;
            }

            if (++missing <= MaxNamed)
            {
                var what = Directory.Exists(path) ? "is a folder holding no DICOM file, not a slide" : "does not exist";
                warnings.Add($"{image.Label}: '{path}' {what}; its folder {image.FolderPath} will fail to open");
            }
        }

        if (missing > MaxNamed)
        {
            warnings.Add($"{missing - MaxNamed} more slide files are missing");
        }

        return warnings;
    }

    // A folder of DICOM instances is a slide; whether they make one is found when it opens.
    private static bool IsDicomFolder(string path)
    {
        try
        {
            return Directory.Exists(path) && Directory.EnumerateFiles(path).Any(DicomFile.IsDicom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
