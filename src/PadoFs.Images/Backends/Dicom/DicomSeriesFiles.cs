using PadoFs.Images.Dicom;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// Finds the instances of one slide: the file the slide is opened by, then every other DICOM file in its folder
/// whose SeriesInstanceUID is the same, as OpenSlide 4 gathers them. A sibling that is no DICOM, is unreadable, or
/// belongs to another series is passed over; the opened file itself must read.
/// </summary>
internal static class DicomSeriesFiles
{
    /// <exception cref="DicomFormatException">the opened file does not read.</exception>
    public static IReadOnlyList<DicomFile> Gather(string path)
    {
        var start = DicomFileReader.Read(path);
        var series = start.Dataset.GetString(DicomTags.SeriesInstanceUid)
            ?? throw new DicomFormatException("no SeriesInstanceUID (0020,000E)");
        var files = new List<DicomFile> { start };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var self = Path.GetFullPath(path);
        foreach (var sibling in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFullPath(sibling), self, StringComparison.Ordinal) || !DicomFile.IsDicom(sibling))
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
}
