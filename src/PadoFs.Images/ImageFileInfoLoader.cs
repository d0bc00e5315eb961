namespace PadoFs.Images;

/// <summary>
/// Reads a slide file's size and times from the filesystem and, when asked, its md5 checksum. Of a remote object only
/// the size is known: its checksum would cost reading it whole.
/// </summary>
internal static class ImageFileInfoLoader
{
    public static ImageFileInfo Load(OpenedSlide slide, bool checksum)
    {
        if (slide.LocalPath is not { } localPath)
        {
            return new ImageFileInfo { SizeBytes = slide.RemoteLength ?? 0 };
        }

        var file = new System.IO.FileInfo(localPath);
        return new ImageFileInfo
        {
            SizeBytes = file.Length,
            Md5Computed = checksum ? Md5Checksum.Compute(localPath) : null,
            TimeLastAccess = new DateTimeOffset(file.LastAccessTimeUtc),
            TimeLastModified = new DateTimeOffset(file.LastWriteTimeUtc),
            // .NET exposes no inode change time; the creation time is the closest it reports.
            TimeStatusChanged = new DateTimeOffset(file.CreationTimeUtc),
        };
    }
}
