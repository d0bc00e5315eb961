using PadoFs.Images.Files;
using PadoFs.Mount.Slides;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tree;

/// <summary>
/// The folder of one zarr array. A lookup makes the chunk's file from its name alone; the listing is built on
/// the first one and kept, since it never changes while mounted (libfuse before 3.16.1 does not let the kernel
/// keep listings, so every <c>ls</c> and <c>find</c> asks again).
/// </summary>
public sealed class ArrayFolder(string name, DateTimeOffset modified, ZarrArray array, MountedSlide slide, MountStatistics statistics)
    : MountDirectory(name, modified)
{
    public override FileReaders? Readers => slide.Readers;

    private MountNode[]? _children;

    public override IReadOnlyList<MountNode> Children => Volatile.Read(ref _children) ?? List();

    public override MountNode? Find(string name) =>
        array.Find(name) is { } entry ? new EntryFile(name, Modified, entry, slide, statistics) : null;

    // Two first listings at once build it twice and keep one: both are the same.
    private MountNode[] List()
    {
        var children = new MountNode[checked((int)(array.Geometry.ChunkCount + 2))];
        var index = 0;
        foreach (var key in array.EnumerateNames())
        {
            children[index++] = new EntryFile(key, Modified, array.Find(key)!, slide, statistics);
        }

        Volatile.Write(ref _children, children);
        return children;
    }
}
