namespace PadoFs.Zarr.Stores;

/// <summary>
/// A read-only zarr store addressed by '/'-separated keys (pado's store mapping): list the keys, know any
/// value's exact length without decoding, read a value from an offset into a caller's buffer.
/// </summary>
public abstract class ZarrStore
{
    /// <summary>Every key, metadata documents before chunks.</summary>
    public abstract IEnumerable<string> EnumerateKeys();

    /// <summary>The value at <paramref name="key"/>, or null when the store has no such key.</summary>
    public abstract ZarrEntry? Find(string key);

    /// <summary>The names directly inside <paramref name="folder"/> ("" for the root, "0", "0/0"), or null when no key lies under it.</summary>
    public abstract IReadOnlyList<StoreName>? List(string folder);

    /// <summary>True when keys lie under <paramref name="path"/> + "/".</summary>
    public abstract bool IsFolder(string path);

    public bool ContainsKey(string key) => Find(key) is not null;

    public long GetLength(string key) => Require(key).Length;

    public int Read(string key, long offset, Span<byte> destination) => Require(key).Read(offset, destination);

    public byte[] ReadAll(string key) => Require(key).ReadAll();

    private ZarrEntry Require(string key) => Find(key) ?? throw new KeyNotFoundException($"The store has no key '{key}'.");
}
