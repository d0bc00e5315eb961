using PadoFs.Images.Files;
using PadoFs.Mount.Slides;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tree;

/// <summary>
/// A slide's <c>.zarr</c> folder. It is listed from the record alone; its contents need the slide, which is
/// opened on the first look inside. A slide that cannot be opened makes exactly this folder fail.
/// </summary>
public sealed class SlideFolder(string name, DateTimeOffset modified, MountedSlide slide, MountStatistics statistics)
    : MountDirectory(name, modified)
{
    private SlideContents? _contents;

    public override FileReaders? Readers => slide.Readers;

    public override IReadOnlyList<MountNode> Children => Contents.Children;

    public override MountNode? Find(string name) => Contents.Find(name);

    private SlideContents Contents => _contents ??= new SlideContents(slide.GetStore(), Modified, slide, statistics);

    /// <summary>The nodes of a slide group: its documents, a folder per level, the associated images' group.</summary>
    private sealed class SlideContents
    {
        private readonly Dictionary<string, MountNode> _byName = new(StringComparer.Ordinal);

        public SlideContents(SlideStore store, DateTimeOffset modified, MountedSlide slide, MountStatistics statistics)
        {
            var children = new List<MountNode>
            {
                new EntryFile(SlideStore.GroupDocument, modified, store.Group, slide, statistics),
                new EntryFile(SlideStore.AttributesDocument, modified, store.Attributes, slide, statistics),
            };
            for (var level = 0; level < store.Levels.Count; level++)
            {
                children.Add(new ArrayFolder(level.ToString(System.Globalization.CultureInfo.InvariantCulture), modified, store.Levels[level], slide, statistics));
            }

            if (store.AssociatedNames.Count > 0)
            {
                var associated = new FolderNode(SlideStore.AssociatedFolder, modified, slide);
                associated.Add(new EntryFile(SlideStore.GroupDocument, modified, store.Group, slide, statistics));
                foreach (var name in store.AssociatedNames)
                {
                    associated.Add(new ArrayFolder(name, modified, store.Associated(name), slide, statistics));
                }

                children.Add(associated);
            }

            Children = children;
            foreach (var child in children)
            {
                _byName[child.Name] = child;
            }
        }

        public IReadOnlyList<MountNode> Children { get; }

        public MountNode? Find(string name) => _byName.GetValueOrDefault(name);
    }
}
