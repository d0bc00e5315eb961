namespace PadoFs.Mount.Configuration;

/// <summary>
/// The folders of the images placed in a mount so far, to tell where the next one would clash with them: the same
/// folder, a folder inside another image's slide folder (or holding one), or the mount's own folder. Config images
/// and dataset images are placed by the same rules.
/// </summary>
public sealed class FolderPlacement
{
    private readonly Dictionary<string, MountedImage> _slides = new(StringComparer.Ordinal);

    // Every folder above a placed slide folder, with the first image placed below it.
    private readonly Dictionary<string, MountedImage> _parents = new(StringComparer.Ordinal);

    /// <summary>Places <paramref name="image"/> unless it clashes with an image placed before; returns why it clashes, else null.</summary>
    public string? Place(MountedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var path = image.FolderPath;
        if (_slides.TryGetValue(path, out var same))
        {
            return $"{same.Label} and {image.Label} both appear as '{path}'";
        }

        if (image.FolderParts.Count > 1 && image.FolderParts[0] == ImageFolderNames.ReservedRootName)
        {
            return $"{image.Label}: '{ImageFolderNames.ReservedRootName}' is reserved for the mount's own files";
        }

        if (_parents.TryGetValue(path, out var below))
        {
            return $"{below.Label} would appear inside {image.Label}'s slide folder '{path}'";
        }

        for (var depth = 1; depth < image.FolderParts.Count; depth++)
        {
            var parent = string.Join('/', image.FolderParts.Take(depth));
            if (_slides.TryGetValue(parent, out var owner))
            {
                return $"{image.Label} would appear inside {owner.Label}'s slide folder '{parent}'";
            }
        }

        _slides.Add(path, image);
        for (var depth = 1; depth < image.FolderParts.Count; depth++)
        {
            _parents.TryAdd(string.Join('/', image.FolderParts.Take(depth)), image);
        }

        return null;
    }
}
