namespace PadoFs.Images;

/// <summary>Information about the slide's file on disk (pado's <c>FileInfo</c>).</summary>
public sealed record ImageFileInfo
{
    public required long SizeBytes { get; init; }

    /// <summary>pado's checksum string, <c>md5:&lt;size&gt;:&lt;hex digest&gt;</c>, when it was computed.</summary>
    public string? Md5Computed { get; init; }

    public DateTimeOffset? TimeLastAccess { get; init; }

    public DateTimeOffset? TimeLastModified { get; init; }

    public DateTimeOffset? TimeStatusChanged { get; init; }
}
