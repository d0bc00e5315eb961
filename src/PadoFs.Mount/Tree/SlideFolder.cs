using PadoFs.Images.Files;
using PadoFs.Mount.Slides;

namespace PadoFs.Mount.Tree;

/// <summary>
/// A slide's <c>.zarr</c> folder. It is listed from the record alone; its contents need the slide, which is
/// opened on the first look inside. A slide that cannot be opened makes exactly this folder fail.
/// </summary>
public sealed class SlideFolder(string name, DateTimeOffset modified, MountedSlide slide, MountStatistics statistics)
    : MountDirectory(name, modified)
{
    private StoreFolder? _contents;

    public override FileReaders? Readers => slide.Readers;

    public override FileIdentity? SourceVersion => slide.OpenedVersion;

    public override IReadOnlyList<MountNode> Children => Contents.Children;

    public override MountNode? Find(string name) => Contents.Find(name);

    private StoreFolder Contents => _contents ??= new StoreFolder(Name, Modified, slide.GetStore(), string.Empty, slide, statistics);
}
