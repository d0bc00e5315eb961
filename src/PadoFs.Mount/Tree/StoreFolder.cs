using System.Collections.Concurrent;
using PadoFs.Images.Files;
using PadoFs.Mount.Slides;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Tree;

/// <summary>
/// A folder of a slide's zarr tree: a view over the store's keys under <paramref name="path"/>, so whatever the
/// store's format nests (levels, associated images, nested chunk keys) is a folder here. A lookup asks the store
/// for the one name; the listing is built on the first one and kept, since it never changes while mounted
/// (libfuse before 3.16.1 does not let the kernel keep listings, so every <c>ls</c> and <c>find</c> asks again).
/// </summary>
public sealed class StoreFolder(string name, DateTimeOffset modified, ZarrStore store, string path, MountedSlide slide, MountStatistics statistics)
    : MountDirectory(name, modified)
{
    // Kept so that a folder's listing is built once although every path is resolved afresh.
    private readonly ConcurrentDictionary<string, StoreFolder> _folders = new(StringComparer.Ordinal);
    private MountNode[]? _children;

    public override FileReaders? Readers => slide.Readers;

    public override FileIdentity? SourceVersion => slide.OpenedVersion;

    public override IReadOnlyList<MountNode> Children => Volatile.Read(ref _children) ?? List();

    public override MountNode? Find(string name)
    {
        if (_folders.TryGetValue(name, out var known))
        {
            return known;
        }

        var key = KeyOf(name);
        if (store.Find(key) is { } entry)
        {
            return new EntryFile(name, Modified, entry, slide, statistics);
        }

        return store.IsFolder(key) ? Folder(name, key) : null;
    }

    private string KeyOf(string name) => path.Length == 0 ? name : $"{path}/{name}";

    private StoreFolder Folder(string name, string key) =>
        _folders.GetOrAdd(name, static (folder, state) => new StoreFolder(folder, state.Modified, state.Store, state.Key, state.Slide, state.Statistics), (Modified, Store: store, Key: key, Slide: slide, Statistics: statistics));

    // Two first listings at once build it twice and keep one: both are the same.
    private MountNode[] List()
    {
        var names = store.List(path) ?? [];
        var children = new MountNode[names.Count];
        for (var i = 0; i < children.Length; i++)
        {
            var (child, isFolder) = names[i];
            var key = KeyOf(child);
            children[i] = isFolder ? Folder(child, key) : new EntryFile(child, Modified, store.Find(key)!, slide, statistics);
        }

        Volatile.Write(ref _children, children);
        return children;
    }
}
