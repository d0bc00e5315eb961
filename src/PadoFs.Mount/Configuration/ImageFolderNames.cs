using PadoFs.Images.Records;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// Where each image appears in the mount: its <c>image_id</c> parts as nested folders, the last with ".zarr"
/// appended (pado's <c>ImageId</c>), or its file name + ".zarr" without one. Checks every part and every clash.
/// </summary>
public static class ImageFolderNames
{
    /// <summary>The folder name the mount keeps for its own files.</summary>
    public const string ReservedRootName = ".padofs";

    public const string SlideSuffix = ".zarr";

    /// <summary>The longest file name Linux filesystems, FUSE included, list: 255 bytes of UTF-8.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>The folder parts of an image, or null with the reasons added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<string>? PartsOf(ImageRecord record, string label, ICollection<string> problems)
    {
        IReadOnlyList<string> parts = record.ImageId is { Count: > 0 } imageId
            ? imageId
            : [FileNameOf(record.Urlpath)];
        var valid = true;
        foreach (var part in parts)
        {
            var problem = ProblemOf(part);
            if (problem is not null)
            {
                problems.Add($"{label}: image_id part '{part}' {problem}");
                valid = false;
            }
        }

        if (record.ImageId is { Count: 0 })
        {
            problems.Add($"{label}: image_id is empty");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        var folders = new string[parts.Count];
        for (var i = 0; i < parts.Count - 1; i++)
        {
            folders[i] = parts[i];
        }

        folders[^1] = parts[^1] + SlideSuffix;
        if (System.Text.Encoding.UTF8.GetByteCount(folders[^1]) > MaxNameBytes)
        {
            problems.Add($"{label}: '{folders[^1]}' is longer than {MaxNameBytes} bytes, the longest name a folder can have");
            return null;
        }

        return folders;
    }

    /// <summary>Reports every image that would share a folder with one listed before it, sit inside another's slide folder, or in the mount's own.</summary>
    public static void CheckClashes(IReadOnlyList<MountedImage> images, ICollection<string> problems)
    {
        var placement = new FolderPlacement();
        foreach (var image in images)
        {
            if (placement.Place(image) is { } clash)
            {
                problems.Add(clash);
            }
        }
    }

    private static string FileNameOf(string urlpath)
    {
        var trimmed = urlpath.TrimEnd('/', '\\');
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        return cut >= 0 ? trimmed[(cut + 1)..] : trimmed;
    }

    private static string? ProblemOf(string part) => part switch
    {
        "" => "is empty",
        _ when string.IsNullOrWhiteSpace(part) => "is blank",
        "." or ".." => "is not a folder name",
        _ when part.Contains('/', StringComparison.Ordinal) || part.Contains('\\', StringComparison.Ordinal) => "contains a path separator",
        _ when part.Contains('\0', StringComparison.Ordinal) => "contains a NUL character",
        _ when System.Text.Encoding.UTF8.GetByteCount(part) > MaxNameBytes => $"is longer than {MaxNameBytes} bytes",
        _ => null,
    };
}
