using PadoFs.Mount.Tree;

namespace PadoFs.WinFsp;

/// <summary>What one Open gave Windows: the node, kept until Close; its listing is taken once, on the first read of it.</summary>
internal sealed class OpenedNode(MountNode node, bool isRoot)
{
    public MountNode Node { get; } = node;

    /// <summary>True for the volume's root, which lists no "." and "..".</summary>
    public bool IsRoot { get; } = isRoot;

    public IReadOnlyList<MountNode>? Listing { get; set; }
}
