using PadoFs.Mount.Datasets;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// Places the images of pado datasets beside a config's own: each read dataset's records get folders as a config's
/// records do. A dataset image that cannot be placed (a bad folder name, a folder another image has) is one
/// warning and is left out; it never stops the mount, nor the other images.
/// </summary>
public static class DatasetImages
{
    /// <param name="workingFolder">what relative urlpaths in the datasets are relative to, as for pado.</param>
    public static void Add(List<MountedImage> images, IReadOnlyList<string> datasetFolders, string workingFolder, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(datasetFolders);
        var slides = new Dictionary<string, MountedImage>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            slides.TryAdd(image.FolderPath, image);
            AddParents(image, parents);
        }

        var index = images.Count == 0 ? 0 : images.Max(image => image.Index) + 1;
        foreach (var folder in datasetFolders)
        {
            foreach (var image in PadoDataset.Read(folder, workingFolder, warnings))
            {
                var parts = ImageFolderNames.PartsOf(image.Record, image.Label, warnings);
                if (parts is null)
                {
                    continue;
                }

                var mounted = new MountedImage(index, image.Record, parts) { Label = image.Label };
                var clash = ClashOf(mounted, slides, parents);
                if (clash is not null)
                {
                    warnings.Add($"{image.Label}: {clash}; it is left out");
                    continue;
                }

                index++;
                images.Add(mounted);
                slides.Add(mounted.FolderPath, mounted);
                AddParents(mounted, parents);
            }
        }
    }

    private static string? ClashOf(MountedImage image, Dictionary<string, MountedImage> slides, HashSet<string> parents)
    {
        if (slides.TryGetValue(image.FolderPath, out var other))
        {
            return $"its folder '{image.FolderPath}' is already {other.Label}'s";
        }

        if (parents.Contains(image.FolderPath))
        {
            return $"its folder '{image.FolderPath}' holds other images' folders";
        }

        if (image.FolderParts.Count > 1 && image.FolderParts[0] == ImageFolderNames.ReservedRootName)
        {
            return $"'{ImageFolderNames.ReservedRootName}' is reserved for the mount's own files";
        }

        for (var depth = 1; depth < image.FolderParts.Count; depth++)
        {
            var parent = string.Join('/', image.FolderParts.Take(depth));
            if (slides.TryGetValue(parent, out var owner))
            {
                return $"it would appear inside {owner.Label}'s slide folder '{parent}'";
            }
        }

        return null;
    }

    private static void AddParents(MountedImage image, HashSet<string> parents)
    {
        for (var depth = 1; depth < image.FolderParts.Count; depth++)
        {
            parents.Add(string.Join('/', image.FolderParts.Take(depth)));
        }
    }
}
