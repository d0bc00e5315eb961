namespace PadoFs.Images.Files;

/// <summary>
/// Who may read a local file by its path: its owner and group, and the read bits (within 0444) that the file grants
/// and that every folder above it lets through with the search bit of the same class. A class whose membership a
/// folder's owner or group does not decide is judged by that folder's bits for others, so the bits never grant more
/// than the file system itself does (access control lists aside).
/// </summary>
public readonly record struct FileReaders(uint UserId, uint GroupId, uint ReadBits)
{
    private const uint OwnerRead = 0x100;
    private const uint GroupRead = 0x20;
    private const uint OtherRead = 0x4;
    private const uint OwnerSearch = 0x40;
    private const uint GroupSearch = 0x8;
    private const uint OtherSearch = 0x1;

    /// <summary>The readers of the file at <paramref name="path"/>, through the folders of its absolute path.</summary>
    /// <exception cref="FileNotFoundException">the file or a folder above it is missing.</exception>
    /// <exception cref="UnauthorizedAccessException">this process may not search a folder above it.</exception>
    public static FileReaders Of(string path)
    {
        var full = Path.GetFullPath(path);
        var file = LocalFileStatus.Of(full);
        var bits = file.Permissions & (OwnerRead | GroupRead | OtherRead);
        for (var folder = Path.GetDirectoryName(full); folder is not null && bits != 0; folder = Path.GetDirectoryName(folder))
        {
            var above = LocalFileStatus.Of(folder);
            var others = (above.Permissions & OtherSearch) != 0;
            var owner = above.UserId == file.UserId ? (above.Permissions & OwnerSearch) != 0 : others;
            var group = above.GroupId == file.GroupId ? (above.Permissions & GroupSearch) != 0 : others;
            bits &= (owner ? OwnerRead : 0) | (group ? GroupRead : 0) | (others ? OtherRead : 0);
        }

        return new FileReaders(file.UserId, file.GroupId, bits);
    }
}
