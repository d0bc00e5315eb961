namespace PadoFs.Images.Files;

/// <summary>
/// The status of a local file where glibc's statx(2) is missing (Windows, macOS), from what .NET reports. There is no
/// inode, so a file replaced under the same name counts as changed only when its size or modification time differs;
/// on Windows, whose access rules are ACLs, every file reads as readable by all (as the WinFsp volume shows it).
/// </summary>
internal static class PortableFileStatus
{
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;
    private const uint ReadableByAll = 0x124;
    private const uint SearchableByAll = 0x49;

    public static LocalFileStatus Stat(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        var isDirectory = info is DirectoryInfo;
        var size = info is FileInfo file ? file.Length : 0;
        var modified = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        uint permissions = OperatingSystem.IsWindows()
            ? ReadableByAll | (isDirectory ? SearchableByAll : 0)
            : (uint)info.UnixFileMode;
        var mode = (isDirectory ? DirectoryType : RegularType) | permissions;
        return new LocalFileStatus(new FileIdentity(0, 0, size, modified), mode, 0, 0);
    }
}
