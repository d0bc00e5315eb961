namespace PadoFs.Zarr.Stores;

/// <summary>One name in a folder of a store: a key, or a folder that keys lie under.</summary>
public readonly record struct StoreName(string Name, bool IsFolder);
