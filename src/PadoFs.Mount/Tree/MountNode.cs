using PadoFs.Images.Files;

namespace PadoFs.Mount.Tree;

/// <summary>An entry of the mounted tree: a folder or a read-only file. Nodes know nothing of the OS adapter above them.</summary>
public abstract class MountNode
{
    protected MountNode(string name, DateTimeOffset modified)
    {
        Name = name;
        Modified = modified;
    }

    /// <summary>The entry's name within its folder (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The time reported as mtime, atime and ctime; content never changes while mounted.</summary>
    public DateTimeOffset Modified { get; }

    /// <summary>
    /// Who may read the node when other users see the mount: the readers of the slide file it comes from, or null
    /// for what belongs to no slide (the folders of image ids, the mount's own files), which the mounting user owns.
    /// </summary>
    public virtual FileReaders? Readers => null;

    /// <summary>
    /// The version of the slide file the node's content comes from (device, inode, size, modification time), once the
    /// slide has opened it; null for what belongs to no slide, or a slide not opened yet.
    /// </summary>
    public virtual FileIdentity? SourceVersion => null;
}
