namespace PadoFs.Zarr.Stores;

/// <summary>One level as a store of its own (pado's <c>get_zarr_store</c>): keys <c>.zarray</c>, <c>.zattrs</c> and the chunks.</summary>
public sealed class LevelStore(ZarrArray array) : ZarrStore
{
    public ZarrArray Array { get; } = array;

    public override IEnumerable<string> EnumerateKeys() => Array.EnumerateNames();

    public override ZarrEntry? Find(string key) => Array.Find(key);

    public override IReadOnlyList<StoreName>? List(string folder) => Array.List(folder);

    public override bool IsFolder(string path) => Array.IsFolder(path);
}
