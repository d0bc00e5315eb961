namespace PadoFs.Mount.Tree;

/// <summary>A folder of the mounted tree.</summary>
public abstract class MountDirectory : MountNode
{
    protected MountDirectory(string name, DateTimeOffset modified)
        : base(name, modified)
    {
    }

    /// <summary>The folder's entries in listing order. May open a slide on first use and throw if that fails.</summary>
    public abstract IReadOnlyList<MountNode> Children { get; }

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public abstract MountNode? Find(string name);
}
