using PadoFs.Mount.Tree;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>A folder that cannot be listed, like a slide that fails to open, and that knows none of its names.</summary>
internal sealed class FailingDirectory(string name) : MountDirectory(name, TestTrees.Modified)
{
    public override IReadOnlyList<MountNode> Children => throw new IOException($"{Name}: the slide cannot be opened.");

    public override MountNode? Find(string name) => throw new FileNotFoundException($"{Name} has no {name}.");
}
