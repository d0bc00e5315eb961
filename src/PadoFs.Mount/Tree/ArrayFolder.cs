using PadoFs.Images.Files;
using PadoFs.Mount.Slides;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tree;

/// <summary>
/// The folder of one zarr array. Chunk files are made when looked up or listed, not held: a level can have
/// tens of thousands of chunks, and a lookup only needs to parse the name.
/// </summary>
public sealed class ArrayFolder(string name, DateTimeOffset modified, ZarrArray array, MountedSlide slide, MountStatistics statistics)
    : MountDirectory(name, modified)
{
    public override FileReaders? Readers => slide.Readers;

    public override IReadOnlyList<MountNode> Children
    {
        get
        {
            var children = new List<MountNode>((int)Math.Min(array.Geometry.ChunkCount + 2, int.MaxValue));
            foreach (var key in array.EnumerateNames())
            {
                children.Add(new EntryFile(key, Modified, array.Find(key)!, slide, statistics));
            }

            return children;
        }
    }

    public override MountNode? Find(string name) =>
        array.Find(name) is { } entry ? new EntryFile(name, Modified, entry, slide, statistics) : null;
}
