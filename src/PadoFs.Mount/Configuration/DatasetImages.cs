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
    /// <param name="storageOptions">the mount's storage options, which the datasets' s3 slides are read with.</param>
    public static void Add(
        List<MountedImage> images,
        IReadOnlyList<string> datasetFolders,
        string workingFolder,
        IReadOnlyDictionary<string, string>? storageOptions,
        List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(datasetFolders);
        var placement = new FolderPlacement();
        foreach (var image in images)
        {
            placement.Place(image);
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

                var mounted = new MountedImage(index, image.Record, parts) { Label = image.Label, StorageOptions = MountStorageOptions.For(image.Record.Urlpath, storageOptions) };
                if (placement.Place(mounted) is { } clash)
                {
                    warnings.Add($"{clash}; {image.Label} is left out");
                    continue;
                }

                index++;
                images.Add(mounted);
            }
        }
    }
}
