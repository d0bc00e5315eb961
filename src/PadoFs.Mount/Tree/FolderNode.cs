using PadoFs.Images.Files;
using PadoFs.Mount.Slides;

namespace PadoFs.Mount.Tree;

/// <summary>
/// A folder whose entries are fixed when the mount starts: the root, the folders of image id parts, and a slide's
/// <c>associated</c> group, which belongs to <paramref name="slide"/>.
/// </summary>
public sealed class FolderNode(string name, DateTimeOffset modified, MountedSlide? slide = null) : MountDirectory(name, modified)
{
    private readonly SortedDictionary<string, MountNode> _children = new(StringComparer.Ordinal);
    private MountNode[]? _listing;

    public override FileReaders? Readers => slide?.Readers;

    public override FileIdentity? SourceVersion => slide?.OpenedVersion;

    public override IReadOnlyList<MountNode> Children => _listing ??= [.. _children.Values];

    public override MountNode? Find(string name) => _children.GetValueOrDefault(name);

    internal void Add(MountNode child)
    {
        _children.Add(child.Name, child);
        _listing = null;
    }

    internal FolderNode GetOrAddFolder(string name)
    {
        if (_children.TryGetValue(name, out var existing))
        {
            return (FolderNode)existing;
        }

        var folder = new FolderNode(name, Modified);
        Add(folder);
        return folder;
    }
}
