using PadoFs.Mount.Tree;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>A file whose bytes can never be produced, like a slide whose tiles fail to decode.</summary>
internal sealed class FailingFile(string name, long length) : MountFile(name, TestTrees.Modified)
{
    public override long Length { get; } = length;

    public override int Read(long offset, Span<byte> destination) =>
        throw new IOException($"{Name}: the tile at {offset} cannot be decoded.");
}
