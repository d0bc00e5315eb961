using PadoFs.Mount.Tree;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>A folder of a test tree, its entries given up front.</summary>
internal sealed class MemoryDirectory : MountDirectory
{
    private readonly List<MountNode> _children;

    public MemoryDirectory(string name, params MountNode[] children)
        : base(name, TestTrees.Modified)
    {
        _children = [.. children];
    }

    public override IReadOnlyList<MountNode> Children => _children;

    public override MountNode? Find(string name) => _children.Find(child => child.Name == name);
}
