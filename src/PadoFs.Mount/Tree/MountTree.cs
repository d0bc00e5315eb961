namespace PadoFs.Mount.Tree;

/// <summary>The whole mounted tree, addressed by '/'-separated paths relative to the mount point.</summary>
public sealed class MountTree(MountDirectory root)
{
    public MountDirectory Root { get; } = root;

    /// <summary>The node at <paramref name="path"/> ("/" or "/a/b.zarr/0/.zarray"), or null when there is none.</summary>
    public MountNode? Resolve(string path)
    {
        MountNode node = Root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node is not MountDirectory directory)
            {
                return null;
            }

            var child = directory.Find(part);
            if (child is null)
            {
                return null;
            }

            node = child;
        }

        return node;
    }
}
