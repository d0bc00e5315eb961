namespace PadoFs.Zarr.Export;

/// <summary>How far an export is: keys and bytes written out of the totals.</summary>
public readonly record struct ExportProgress(long KeysWritten, long TotalKeys, long BytesWritten, long TotalBytes);
