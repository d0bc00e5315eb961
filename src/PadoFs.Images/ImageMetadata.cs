namespace PadoFs.Images;

/// <summary>The common image metadata (pado's <c>ImageMetadata</c>); mpp is null for a slide that has none.</summary>
public sealed record ImageMetadata
{
    public required long Width { get; init; }

    public required long Height { get; init; }

    public string? ObjectivePower { get; init; }

    public double? MppX { get; init; }

    public double? MppY { get; init; }

    /// <summary>Downsample of every level against level 0, level 0 first (1.0).</summary>
    public required IReadOnlyList<double> Downsamples { get; init; }

    public string? Vendor { get; init; }

    public string? Comment { get; init; }

    public string? QuickHash1 { get; init; }

    public string? BackgroundColor { get; init; }

    public long? BoundsX { get; init; }

    public long? BoundsY { get; init; }

    public long? BoundsWidth { get; init; }

    public long? BoundsHeight { get; init; }

    /// <summary>Every slide property not mapped to a field above, as a JSON object string (keys sorted).</summary>
    public string? ExtraJson { get; init; }

    public bool Equals(ImageMetadata? other) =>
        other is not null
        && Width == other.Width
        && Height == other.Height
        && ObjectivePower == other.ObjectivePower
        && MppX == other.MppX
        && MppY == other.MppY
        && Downsamples.SequenceEqual(other.Downsamples)
        && Vendor == other.Vendor
        && Comment == other.Comment
        && QuickHash1 == other.QuickHash1
        && BackgroundColor == other.BackgroundColor
        && BoundsX == other.BoundsX
        && BoundsY == other.BoundsY
        && BoundsWidth == other.BoundsWidth
        && BoundsHeight == other.BoundsHeight
        && ExtraJson == other.ExtraJson;

    public override int GetHashCode() => HashCode.Combine(Width, Height, MppX, MppY, Downsamples.Count, Vendor, QuickHash1);
}
