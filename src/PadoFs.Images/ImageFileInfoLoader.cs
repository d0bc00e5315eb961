namespace PadoFs.Images;

/// <summary>
/// Reads a slide's size and times from the filesystem and, when asked, its md5 checksum. A slide of several files
/// (a folder of DICOM instances) has their summed size, their latest times and the checksum of their bytes one file
/// after the other, in the order given. Of a remote object only the size is known: its checksum would cost reading
/// it whole.
/// </summary>
internal static class ImageFileInfoLoader
{
    public static ImageFileInfo Load(OpenedSlide slide, bool checksum)
    {
        if (slide.LocalPath is null)
        {
            return new ImageFileInfo { SizeBytes = slide.RemoteLength ?? 0 };
        }

        var localPaths = slide.Files;
        long size = 0;
        DateTime accessed = DateTime.MinValue, modified = DateTime.MinValue, changed = DateTime.MinValue;
        foreach (var path in localPaths)
        {
            var file = new System.IO.FileInfo(path);
            size += file.Length;
            accessed = Latest(accessed, file.LastAccessTimeUtc);
            modified = Latest(modified, file.LastWriteTimeUtc);
            // .NET exposes no inode change time; the creation time is the closest it reports.
            changed = Latest(changed, file.CreationTimeUtc);
        }

        return new ImageFileInfo
        {
            SizeBytes = size,
            Md5Computed = checksum ? Md5Checksum.Compute(localPaths) : null,
            TimeLastAccess = new DateTimeOffset(DateTime.SpecifyKind(accessed, DateTimeKind.Utc)),
            TimeLastModified = new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc)),
            TimeStatusChanged = new DateTimeOffset(DateTime.SpecifyKind(changed, DateTimeKind.Utc)),
        };
    }

    private static DateTime Latest(DateTime a, DateTime b) => b > a ? b : a;
}
