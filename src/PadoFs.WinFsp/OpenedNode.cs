using PadoFs.Mount.Tree;

namespace PadoFs.WinFsp;

/// <summary>
/// What one Open gave Windows: the node, kept until Close; its listing is taken once, on the first read of it, and a
/// live file's document once, at the open.
/// </summary>
internal sealed class OpenedNode(MountNode node, bool isRoot, byte[]? liveDocument = null)
{
    public MountNode Node { get; } = node;

    /// <summary>
    /// A live file's document as rendered at the open: Windows keeps the size Open reported, so every read of this
    /// handle serves that one document rather than a newer one of another length.
    /// </summary>
    public byte[]? LiveDocument { get; } = liveDocument;

    /// <summary>True for the volume's root, which lists no "." and "..".</summary>
    public bool IsRoot { get; } = isRoot;

    public IReadOnlyList<MountNode>? Listing { get; set; }
}
