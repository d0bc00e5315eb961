namespace PadoFs.Images.Records;

/// <summary>
/// pado's serialized image: one flat object of metadata, file info and loading info. Any subset may be
/// known; <see cref="Urlpath"/> is the only field every record has.
/// </summary>
public sealed record ImageRecord
{
    public required string Urlpath { get; init; }

    /// <summary>The parts of the image's id (pado's <c>ImageId</c>), or null when the record carries none.</summary>
    public IReadOnlyList<string>? ImageId { get; init; }

    public long? Width { get; init; }

    public long? Height { get; init; }

    public string? ObjectivePower { get; init; }

    public double? MppX { get; init; }

    public double? MppY { get; init; }

    public IReadOnlyList<double>? Downsamples { get; init; }

    public string? Vendor { get; init; }

    public string? Comment { get; init; }

    public string? QuickHash1 { get; init; }

    public string? BackgroundColor { get; init; }

    public long? BoundsX { get; init; }

    public long? BoundsY { get; init; }

    public long? BoundsWidth { get; init; }

    public long? BoundsHeight { get; init; }

    public string? ExtraJson { get; init; }

    public long? SizeBytes { get; init; }

    public string? Md5Computed { get; init; }

    public DateTimeOffset? TimeLastAccess { get; init; }

    public DateTimeOffset? TimeLastModified { get; init; }

    public DateTimeOffset? TimeStatusChanged { get; init; }

    public string? PadoImageBackend { get; init; }

    public string? PadoImageBackendVersion { get; init; }

    /// <summary>The metadata, when the record has at least the essentials pado requires (size and downsamples).</summary>
    public ImageMetadata? ToMetadata() =>
        Width is { } width && Height is { } height && Downsamples is { } downsamples
            ? new ImageMetadata
            {
                Width = width,
                Height = height,
                ObjectivePower = ObjectivePower,
                MppX = MppX,
                MppY = MppY,
                Downsamples = downsamples,
                Vendor = Vendor,
                Comment = Comment,
                QuickHash1 = QuickHash1,
                BackgroundColor = BackgroundColor,
                BoundsX = BoundsX,
                BoundsY = BoundsY,
                BoundsWidth = BoundsWidth,
                BoundsHeight = BoundsHeight,
                ExtraJson = ExtraJson,
            }
            : null;

    /// <summary>The file info, when the record knows the file's size.</summary>
    public ImageFileInfo? ToFileInfo() =>
        SizeBytes is { } size
            ? new ImageFileInfo
            {
                SizeBytes = size,
                Md5Computed = Md5Computed,
                TimeLastAccess = TimeLastAccess,
                TimeLastModified = TimeLastModified,
                TimeStatusChanged = TimeStatusChanged,
            }
            : null;

    /// <summary>The loading info, when the record names its backend.</summary>
    public PadoInfo? ToPadoInfo() =>
        PadoImageBackend is { } backend
            ? new PadoInfo(Urlpath, backend, PadoImageBackendVersion ?? string.Empty)
            : null;

    /// <summary>A full record of the three parts.</summary>
    public static ImageRecord From(PadoInfo pado, ImageMetadata metadata, ImageFileInfo file, IReadOnlyList<string>? imageId) => new()
    {
        Urlpath = pado.Urlpath,
        ImageId = imageId,
        Width = metadata.Width,
        Height = metadata.Height,
        ObjectivePower = metadata.ObjectivePower,
        MppX = metadata.MppX,
        MppY = metadata.MppY,
        Downsamples = metadata.Downsamples,
        Vendor = metadata.Vendor,
        Comment = metadata.Comment,
        QuickHash1 = metadata.QuickHash1,
        BackgroundColor = metadata.BackgroundColor,
        BoundsX = metadata.BoundsX,
        BoundsY = metadata.BoundsY,
        BoundsWidth = metadata.BoundsWidth,
        BoundsHeight = metadata.BoundsHeight,
        ExtraJson = metadata.ExtraJson,
        SizeBytes = file.SizeBytes,
        Md5Computed = file.Md5Computed,
        TimeLastAccess = file.TimeLastAccess,
        TimeLastModified = file.TimeLastModified,
        TimeStatusChanged = file.TimeStatusChanged,
        PadoImageBackend = pado.PadoImageBackend,
        PadoImageBackendVersion = pado.PadoImageBackendVersion,
    };

    public bool Equals(ImageRecord? other) =>
        other is not null
        && Urlpath == other.Urlpath
        && SequenceEqual(ImageId, other.ImageId)
        && Width == other.Width
        && Height == other.Height
        && ObjectivePower == other.ObjectivePower
        && MppX == other.MppX
        && MppY == other.MppY
        && SequenceEqual(Downsamples, other.Downsamples)
        && Vendor == other.Vendor
        && Comment == other.Comment
        && QuickHash1 == other.QuickHash1
        && BackgroundColor == other.BackgroundColor
        && BoundsX == other.BoundsX
        && BoundsY == other.BoundsY
        && BoundsWidth == other.BoundsWidth
        && BoundsHeight == other.BoundsHeight
        && ExtraJson == other.ExtraJson
        && SizeBytes == other.SizeBytes
        && Md5Computed == other.Md5Computed
        && TimeLastAccess == other.TimeLastAccess
        && TimeLastModified == other.TimeLastModified
        && TimeStatusChanged == other.TimeStatusChanged
        && PadoImageBackend == other.PadoImageBackend
        && PadoImageBackendVersion == other.PadoImageBackendVersion;

    public override int GetHashCode() => HashCode.Combine(Urlpath, Width, Height, SizeBytes, Md5Computed);

    private static bool SequenceEqual<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        left is null ? right is null : right is not null && left.SequenceEqual(right);
}
