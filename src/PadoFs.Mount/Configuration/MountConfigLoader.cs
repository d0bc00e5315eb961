using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PadoFs.Images.Files;
using PadoFs.Images.Records;
using PadoFs.Zarr;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// Reads a mount config: scalar settings bound through Microsoft.Extensions.Configuration with
/// <c>PADOFS__</c> environment overrides, images read from the file as pado records. Relative paths resolve
/// against the config file's folder. Every problem is collected and reported at once.
/// </summary>
public static class MountConfigLoader
{
    public const string EnvironmentPrefix = "PADOFS__";

    private static readonly HashSet<string> s_settings = new(StringComparer.OrdinalIgnoreCase)
    {
        "mountPoint", "layout", "cache", "allowOther", "maxOpenSlides", "idleSeconds", "images",
    };

    private static readonly HashSet<string> s_cacheSettings = new(StringComparer.OrdinalIgnoreCase) { "maxBytes" };

    public static MountConfig Load(string configPath, string? mountPointOverride = null, IDictionary<string, string?>? overrides = null)
    {
        var fullPath = Path.GetFullPath(configPath);
        if (!File.Exists(fullPath))
        {
            throw new MountConfigException(configPath, [Directory.Exists(fullPath) ? "is a directory, not a config file" : "no such file"]);
        }

        var problems = new List<string>();
        var folder = Path.GetDirectoryName(fullPath)!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(fullPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new MountConfigException(configPath, [$"is not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            CheckSettingNames(document.RootElement, problems);
            var options = BindOptions(fullPath, overrides, problems);

            // A mount point given on the command line is relative to where the command runs, like any argument.
            var mountPoint = mountPointOverride is null ? options?.MountPoint : Path.GetFullPath(mountPointOverride);
            if (string.IsNullOrWhiteSpace(mountPoint))
            {
                problems.Add("'mountPoint' is missing (set it in the config, with --mountpoint or PADOFS__MOUNTPOINT)");
            }

            var layout = ParseLayout(options?.Layout, problems);
            long? budget = null;
            if (!string.IsNullOrWhiteSpace(options?.Cache.MaxBytes))
            {
                if (ByteSize.TryParse(options.Cache.MaxBytes, out var bytes))
                {
                    budget = bytes;
                }
                else
                {
                    problems.Add($"'cache.maxBytes' is '{options.Cache.MaxBytes}', not a size such as \"2GiB\" or \"512MB\"");
                }
            }

            if (options is { MaxOpenSlides: < 1 })
            {
                problems.Add($"'maxOpenSlides' must be at least 1, got {options.MaxOpenSlides}");
            }

            if (options is { IdleSeconds: < 1 })
            {
                problems.Add($"'idleSeconds' must be at least 1, got {options.IdleSeconds}");
            }

            var images = ReadImages(document.RootElement, folder, problems);
            if (problems.Count > 0)
            {
                throw new MountConfigException(configPath, problems);
            }

            return new MountConfig(
                fullPath,
                Path.GetFullPath(mountPoint!, folder),
                layout,
                budget,
                options!.AllowOther,
                options.MaxOpenSlides,
                TimeSpan.FromSeconds(options.IdleSeconds),
                images);
        }
    }

    // The binder ignores what it does not know; a misspelt setting would silently fall back to its default.
    private static void CheckSettingNames(JsonElement root, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the config must be a JSON object");
            return;
        }

        foreach (var setting in root.EnumerateObject())
        {
            if (!s_settings.Contains(setting.Name))
            {
                problems.Add($"unknown setting '{setting.Name}' (known: {string.Join(", ", s_settings)})");
            }
            else if (setting.Name.Equals("cache", StringComparison.OrdinalIgnoreCase))
            {
                if (setting.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add("'cache' must be an object such as { \"maxBytes\": \"2GiB\" }");
                    continue;
                }

                foreach (var cacheSetting in setting.Value.EnumerateObject())
                {
                    if (!s_cacheSettings.Contains(cacheSetting.Name))
                    {
                        problems.Add($"unknown setting 'cache.{cacheSetting.Name}' (known: maxBytes)");
                    }
                }
            }
        }
    }

    private static MountOptions? BindOptions(string fullPath, IDictionary<string, string?>? overrides, List<string> problems)
    {
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(fullPath, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
                .Build();
            var options = new MountOptions();
            configuration.Bind(options);
            return options;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            problems.Add(e.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    private static ZarrLayout ParseLayout(string? name, List<string> problems)
    {
        try
        {
            return ZarrLayoutNames.Parse(name ?? ZarrLayoutNames.Pado);
        }
        catch (ArgumentException e)
        {
            problems.Add($"'layout': {e.Message}");
            return ZarrLayout.Pado;
        }
    }

    private static List<MountedImage> ReadImages(JsonElement root, string folder, List<string> problems)
    {
        var images = new List<MountedImage>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("images", out var list))
        {
            problems.Add("'images' is missing: list the slides to mount as records, e.g. [{\"urlpath\": \"slide.svs\"}]");
            return images;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("'images' must be a list of records");
            return images;
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var label = $"images[{index}]";
            var recordProblems = new List<string>();
            var record = ImageRecordJson.TryRead(element, recordProblems);
            foreach (var problem in recordProblems)
            {
                problems.Add($"{label}: {problem}");
            }

            if (record is not null)
            {
                record = record with { Urlpath = Resolve(record.Urlpath, folder) };
                var parts = ImageFolderNames.PartsOf(record, label, problems);
                if (parts is not null)
                {
                    images.Add(new MountedImage(index, record, parts));
                }
            }

            index++;
        }

        ImageFolderNames.CheckClashes(images, problems);
        return images;
    }

    private static string Resolve(string urlpath, string folder) =>
        LocalUrlpath.TryResolve(urlpath, out var path) && !urlpath.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(path, folder)
            : urlpath;
}
