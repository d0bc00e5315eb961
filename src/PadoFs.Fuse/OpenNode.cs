using System.Runtime.InteropServices;
using PadoFs.Mount.Tree;

namespace PadoFs.Fuse;

/// <summary>
/// A file or folder opened through FUSE. Its GC handle is the <c>fh</c> libfuse hands back on every read, so reads
/// skip path resolution.
/// </summary>
internal sealed class OpenNode(MountNode node, string path)
{
    public MountNode Node { get; } = node;

    public string Path { get; } = path;

    public static OpenNode Get(ulong handle) => GCHandle<OpenNode>.FromIntPtr((nint)handle).Target;
}
