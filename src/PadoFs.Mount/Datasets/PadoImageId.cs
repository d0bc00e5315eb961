namespace PadoFs.Mount.Datasets;

/// <summary>
/// pado's <c>ImageId</c>: the parts that identify an image within a dataset and the site they are from, if any.
/// It names the image's mounted folder as a config's <c>image_id</c> does, the site first when it is set.
/// </summary>
public sealed record PadoImageId(IReadOnlyList<string> Parts, string? Site)
{
    /// <summary>The image's <c>image_id</c> in a mount: the site, when set, then the parts.</summary>
    public IReadOnlyList<string> FolderParts => Site is null ? Parts : [Site, .. Parts];

    public bool Equals(PadoImageId? other) => other is not null && Site == other.Site && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Site);
        foreach (var part in Parts)
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }
}
