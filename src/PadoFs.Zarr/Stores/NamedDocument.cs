namespace PadoFs.Zarr.Stores;

/// <summary>A metadata document and the name it has in its node's folder.</summary>
public sealed record NamedDocument(string Name, ZarrDocument Document);
