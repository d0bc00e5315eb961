namespace PadoFs.Images.Files;

/// <summary>
/// Which version of a file a path names: the file itself (device and inode) and its content's size and last
/// change. A file replaced under the same name (mv) has another inode; one rewritten in place (cp over it,
/// truncate) has another size or modification time.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNanoseconds)
{
    /// <summary>What changed from <paramref name="earlier"/> to this, in a few words for a log line.</summary>
    public string DescribeChangeFrom(FileIdentity earlier) =>
        (Device, Inode) != (earlier.Device, earlier.Inode) ? "replaced by another file"
        : Size != earlier.Size ? $"its size changed from {earlier.Size} to {Size} bytes"
        : "it was rewritten (modification time changed)";
}
