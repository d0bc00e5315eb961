using PadoFs.Images.Dicom;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// Finds the instances of one slide. Opened by a file: that file, then every other DICOM file in its folder whose
/// SeriesInstanceUID is the same, as OpenSlide 4 gathers them; a sibling that is no DICOM, is unreadable, or belongs
/// to another series is passed over. Opened by a folder: every VL Whole Slide Microscopy instance directly in it,
/// which must all be of one series and all read; files that are no DICOM and DICOM files of another SOP class
/// (a DICOMDIR, annotations) are passed over.
/// </summary>
internal static class DicomSeriesFiles
{
    public const string WholeSlideSopClass = "1.2.840.10008.5.1.4.1.1.77.1.6";

    /// <exception cref="DicomFormatException">the opened file does not read.</exception>
    public static IReadOnlyList<DicomFile> Gather(string path)
    {
        var start = DicomFileReader.Read(path);
        var series = start.Dataset.GetString(DicomTags.SeriesInstanceUid)
            ?? throw new DicomFormatException("no SeriesInstanceUID (0020,000E)");
        var files = new List<DicomFile> { start };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var self = Path.GetFullPath(path);
        foreach (var sibling in DicomFilesIn(folder))
        {
            if (string.Equals(Path.GetFullPath(sibling), self, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var file = DicomFileReader.Read(sibling);
                if (string.Equals(file.Dataset.GetString(DicomTags.SeriesInstanceUid), series, StringComparison.Ordinal))
                {
                    files.Add(file);
                }
            }
            catch (Exception error) when (error is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                // A broken file beside the slide is not part of it as far as anyone can tell.
            }
        }

        return files;
    }

    /// <summary>The whole-slide instances of the folder <paramref name="folder"/>, of the one series they must share.</summary>
    /// <exception cref="DicomFormatException">a DICOM file in the folder does not read, the folder holds no whole-slide instance, or instances of several series.</exception>
    public static IReadOnlyList<DicomFile> InFolder(string folder)
    {
        var bySeries = new Dictionary<string, List<DicomFile>>(StringComparer.Ordinal);
        foreach (var path in DicomFilesIn(folder))
        {
            DicomFile file;
            try
            {
                file = DicomFileReader.Read(path);
            }
            catch (DicomFormatException error)
            {
                // Every DICOM file of a slide folder claims to be part of the slide: a broken one is a broken slide.
                throw new DicomFormatException($"{Path.GetFileName(path)}: {error.Message}", error);
            }

            if (!string.Equals(file.Dataset.GetString(DicomTags.SopClassUid), WholeSlideSopClass, StringComparison.Ordinal))
            {
                continue;
            }

            var series = file.Dataset.GetString(DicomTags.SeriesInstanceUid)
                ?? throw new DicomFormatException($"{Path.GetFileName(path)}: no SeriesInstanceUID (0020,000E)");
            if (!bySeries.TryGetValue(series, out var files))
            {
                bySeries[series] = files = [];
            }

            files.Add(file);
        }

        if (bySeries.Count == 0)
        {
            throw new DicomFormatException($"the folder holds no DICOM whole-slide instance (SOP class {WholeSlideSopClass})");
        }

        if (bySeries.Count > 1)
        {
            var counts = string.Join(", ", bySeries.Select(series => $"{series.Key}: {series.Value.Count} (first {Path.GetFileName(series.Value[0].Path)})"));
            throw new DicomFormatException($"the folder holds instances of {bySeries.Count} series ({counts}); a slide folder holds one series");
        }

        return bySeries.Values.First();
    }

    private static IEnumerable<string> DicomFilesIn(string folder) =>
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).Where(DicomFile.IsDicom);
}
