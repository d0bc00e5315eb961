namespace PadoFs.Images.Files;

/// <summary>What stat(2) tells of a local file: which version it is, its type and permission bits, and its owner.</summary>
public readonly record struct LocalFileStatus(FileIdentity Identity, uint Mode, uint UserId, uint GroupId)
{
    private const uint TypeMask = 0xF000;
    private const uint DirectoryType = 0x4000;

    public bool IsDirectory => (Mode & TypeMask) == DirectoryType;

    /// <summary>The nine permission bits (rwx for owner, group, others).</summary>
    public uint Permissions => Mode & 0x1FF;

    /// <summary>The status of the file at <paramref name="path"/>, following symbolic links.</summary>
    /// <exception cref="FileNotFoundException">nothing is at the path.</exception>
    /// <exception cref="UnauthorizedAccessException">a folder on the way may not be searched.</exception>
    /// <exception cref="IOException">stat failed otherwise.</exception>
    public static LocalFileStatus Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OperatingSystem.IsLinux() ? StatxNative.Stat(path) : PortableFileStatus.Stat(path);
    }
}
