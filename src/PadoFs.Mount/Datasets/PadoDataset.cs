namespace PadoFs.Mount.Datasets;

/// <summary>
/// The images of a pado dataset folder: every <c>*.image.parquet</c> file in it, in name order (as pado's glob
/// finds them), concatenated. An ImageId found again is one problem and the first is kept, as pado's grouped
/// image provider answers with the first. Every problem is one line; what can be read is kept.
/// </summary>
public static class PadoDataset
{
    public static List<DatasetImage> Read(string folder, string workingFolder, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var images = new List<DatasetImage>();
        if (!Directory.Exists(folder))
        {
            problems.Add(File.Exists(folder) ? $"dataset '{folder}' is a file, not a pado dataset folder" : $"dataset '{folder}' does not exist");
            return images;
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*" + ImageStoreFile.Suffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"dataset '{folder}' cannot be listed: {e.Message}");
            return images;
        }

        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            problems.Add($"dataset '{folder}' has no *{ImageStoreFile.Suffix} file: it is no pado dataset");
            return images;
        }

        var first = new Dictionary<PadoImageId, DatasetImage>();
        foreach (var file in files)
        {
            foreach (var image in ImageStoreFile.ReadAsync(file, workingFolder, problems).GetAwaiter().GetResult())
            {
                if (first.TryGetValue(image.ImageId, out var earlier))
                {
                    problems.Add($"{image.Label}: {image.ImageIdText.ReplaceLineEndings(" ")} is already {earlier.Label}; the first is kept");
                    continue;
                }

                first.Add(image.ImageId, image);
                images.Add(image);
            }
        }

        return images;
    }
}
