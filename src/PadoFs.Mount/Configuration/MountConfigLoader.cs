using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PadoFs.Images.Files;
using PadoFs.Images.Records;
using PadoFs.Images.Sources;
using PadoFs.Zarr;
using PadoFs.Zarr.Formats;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// Reads a mount config. The file is parsed once with System.Text.Json: its settings other than <c>images</c> are
/// bound through Microsoft.Extensions.Configuration with <c>PADOFS__</c> environment overrides, and its images are
/// read straight from the document as pado records (never flattened into configuration keys, which costs seconds
/// for thousands of records). Relative paths resolve against the config file's folder. Every problem is collected
/// and reported at once.
/// </summary>
public static class MountConfigLoader
{
    /// <param name="datasets">pado dataset folders to mount besides the config's own, relative to the working folder.</param>
    /// <param name="purpose">what the config is loaded for: <c>padofs serve</c> needs no mount point, and always serves HTTP.</param>
    /// <param name="listenOverride">an HTTP listen address given on the command line, over the config's.</param>
    public static MountConfig Load(
        string configPath,
        string? mountPointOverride = null,
        IDictionary<string, string?>? overrides = null,
        IReadOnlyList<string>? datasets = null,
        MountPurpose purpose = MountPurpose.Mount,
        string? listenOverride = null)
    {
        var fullPath = Path.GetFullPath(configPath);
        if (!File.Exists(fullPath))
        {
            throw new MountConfigException(configPath, [Directory.Exists(fullPath) ? "a directory, not a config file" : "no such file"]);
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        using var document = MountConfigDocument.Parse(configPath, File.ReadAllBytes(fullPath));
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            throw new MountConfigException(configPath, [
                "a JSON list (as padofs record prints), not a config: wrap it as {\"mountPoint\": \"DIR\", \"images\": [ ...the list... ]}",
            ]);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MountConfigException(configPath, ["a config is a JSON object such as {\"mountPoint\": \"DIR\", \"images\": [{\"urlpath\": \"slide.svs\"}]}"]);
        }

        return Build(configPath, fullPath, folder, root, mountPointOverride, overrides, FullPaths(datasets), purpose, listenOverride);
    }

    /// <summary>
    /// A mount of pado datasets alone (<c>padofs mount --dataset DIR</c>): the settings are the defaults and the
    /// <c>PADOFS__</c> environment variables; the folders are relative to the working folder.
    /// </summary>
    public static MountConfig LoadDatasets(IReadOnlyList<string> datasets, string? mountPointOverride = null, IDictionary<string, string?>? overrides = null)
    {
        using var document = JsonDocument.Parse("{}");
        var folder = Environment.CurrentDirectory;
        return Build(CommandLineLabel, CommandLineLabel, folder, document.RootElement, mountPointOverride, overrides, FullPaths(datasets), MountPurpose.Mount, listenOverride: null);
    }

    /// <summary>How problems name a mount given by --dataset alone, which has no config file.</summary>
    public const string CommandLineLabel = "--dataset";

    /// <summary>The key of a config record that gives its slide's fsspec storage options.</summary>
    public const string StorageOptionsKey = "storage_options";

    private static List<string> FullPaths(IReadOnlyList<string>? folders) => folders?.Select(folder => Path.GetFullPath(folder)).ToList() ?? [];

    private static MountConfig Build(
        string configPath,
        string fullPath,
        string folder,
        JsonElement root,
        string? mountPointOverride,
        IDictionary<string, string?>? overrides,
        List<string> commandLineDatasets,
        MountPurpose purpose,
        string? listenOverride)
    {
        var problems = new List<string>();
        var settings = MountSettings.Read(root, problems, out var imageList, out var datasetList);
        var datasets = ReadDatasets(datasetList, folder, problems);
        datasets.AddRange(commandLineDatasets);
        foreach (var name in MountSettings.UnknownEnvironmentVariables(EnvironmentVariableNames()))
        {
            problems.Add($"unknown environment variable '{name}' (known: {string.Join(", ", MountSettings.Keys.Select(MountSettings.EnvironmentVariable))}; images are set in the config only)");
        }

        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddEnvironmentVariables(MountSettings.EnvironmentPrefix)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var wrong = MountSettings.CheckValues(configuration, problems);
        if (wrong.Count > 0)
        {
            // The binder throws on a value it cannot convert; unset those (already reported, and not range-checked
            // below) so that the rest still bind and are checked too.
            configuration = new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection(wrong.Select(key => new KeyValuePair<string, string?>(key, null)))
                .Build();
        }

        var options = configuration.Get<MountOptions>() ?? new MountOptions();

        // A mount point given on the command line is relative to where the command runs, like any argument.
        var mountPoint = mountPointOverride is null ? options.MountPoint : DriveLetter.Resolve(mountPointOverride);
        if (purpose == MountPurpose.Serve)
        {
            mountPoint = null;
        }
        else if (string.IsNullOrWhiteSpace(mountPoint))
        {
            problems.Add("'mountPoint' is missing (set it in the config, with --mountpoint or PADOFS__MOUNTPOINT)");
        }
        else if (mountPoint.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add("'mountPoint' contains a NUL character, which no path can hold");
            mountPoint = null;
        }

        if (!ZarrLayoutNames.TryParse(options.Layout, out var layout))
        {
            problems.Add($"'layout': {ZarrLayoutNames.Unknown(options.Layout)}");
        }

        var format = ZarrFormat.Of(options.ZarrFormat);
        if (format is null && !wrong.Contains("zarrFormat"))
        {
            problems.Add($"'zarrFormat': {ZarrFormat.Unknown(options.ZarrFormat.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        long? budget = null;
        if (!string.IsNullOrWhiteSpace(options.Cache.MaxBytes))
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

        if (options.MaxOpenSlides < 1 && !wrong.Contains("maxOpenSlides"))
        {
            problems.Add($"'maxOpenSlides' must be at least 1, got {options.MaxOpenSlides}");
        }

        if (options.IdleSeconds < 1 && !wrong.Contains("idleSeconds"))
        {
            problems.Add($"'idleSeconds' must be at least 1, got {options.IdleSeconds}");
        }

        var http = ReadHttp(options.Http, purpose, listenOverride, problems);
        var mountStorage = root.TryGetProperty(MountSettings.StorageOptions, out var storageElement)
            ? StorageOptionsJson.Read(storageElement, $"'{MountSettings.StorageOptions}'", problems)
            : null;
        var images = ReadImages(imageList, datasets.Count > 0, folder, mountStorage, problems);
        if (problems.Count > 0)
        {
            throw new MountConfigException(configPath, problems);
        }

        var warnings = new List<string>();
        DatasetImages.Add(images, datasets, Environment.CurrentDirectory, mountStorage, warnings);
        warnings.AddRange(SlideFileWarnings.Of(images, datasets.Count > 0));

        return new MountConfig(
            fullPath,
            mountPoint is null ? null : DriveLetter.Resolve(mountPoint, folder),
            layout,
            budget,
            options.AllowOther,
            options.MaxOpenSlides,
            TimeSpan.FromSeconds(options.IdleSeconds),
            images)
        {
            Format = format!,
            Http = http,
            Warnings = warnings,
        };
    }

    private static HttpServing? ReadHttp(HttpOptions? options, MountPurpose purpose, string? listenOverride, List<string> problems)
    {
        if (options is null && purpose == MountPurpose.Mount && listenOverride is null)
        {
            return null;
        }

        var listen = listenOverride ?? options?.Listen ?? HttpServing.DefaultListen;
        var origins = HttpServing.ParseOrigins(options?.Origins, problems);
        var token = options?.Token;
        if (token is not null && (token.Length < 16 || token.Any(char.IsWhiteSpace)))
        {
            problems.Add("'http.token' must be at least 16 characters without spaces");
        }

        return HttpServing.TryParseListen(listen, problems, out var address, out var port)
            ? new HttpServing(address, port, origins, token)
            : null;
    }

    private static IEnumerable<string> EnvironmentVariableNames()
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            yield return (string)variable.Key;
        }
    }

    // Dataset folders relative to the config's folder, as every path in it.
    private static List<string> ReadDatasets(JsonElement? datasetList, string folder, List<string> problems)
    {
        var datasets = new List<string>();
        if (datasetList is not { } list)
        {
            return datasets;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{MountSettings.Datasets}' must be a list of pado dataset folders, e.g. [\"/data/my-dataset\"]");
            return datasets;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                problems.Add($"'{MountSettings.Datasets}[{index}]' must be a dataset folder's path, got {item.GetRawText()}");
            }
            else if (item.GetString()!.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add($"'{MountSettings.Datasets}[{index}]' contains a NUL character, which no path can hold");
            }
            else
            {
                datasets.Add(Path.GetFullPath(item.GetString()!, folder));
            }

            index++;
        }

        return datasets;
    }

    private static List<MountedImage> ReadImages(JsonElement? imageList, bool hasDatasets, string folder, Dictionary<string, string>? mountStorage, List<string> problems)
    {
        var images = new List<MountedImage>();
        if (imageList is not { } list)
        {
            if (!hasDatasets)
            {
                problems.Add("'images' is missing: list the slides to mount as records, e.g. [{\"urlpath\": \"slide.svs\"}], or give 'datasets'");
            }

            return images;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("'images' must be a list of records, e.g. [{\"urlpath\": \"slide.svs\"}]");
            return images;
        }

        var index = 0;
        var recordProblems = new List<string>();
        foreach (var element in list.EnumerateArray())
        {
            var label = $"images[{index}]";
            recordProblems.Clear();
            var (recordElement, storage) = SplitStorageOptions(element, label, problems);
            var record = ImageRecordJson.TryRead(recordElement, recordProblems);
            foreach (var problem in recordProblems)
            {
                problems.Add($"{label}: {problem}");
            }

            if (record is not null && record.Urlpath.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add($"{label}: 'urlpath' contains a NUL character, which no path can hold");
            }
            else if (record is not null)
            {
                record = record with { Urlpath = Resolve(record.Urlpath, folder) };
                var parts = ImageFolderNames.PartsOf(record, label, problems);
                if (parts is not null)
                {
                    images.Add(new MountedImage(index, record, parts) { StorageOptions = storage ?? MountStorageOptions.For(record.Urlpath, mountStorage) });
                }
            }

            index++;
        }

        ImageFolderNames.CheckClashes(images, problems);
        return images;
    }

    // A config record may carry the storage options of its slide beside pado's own keys, which a record refuses.
    private static (JsonElement Record, Dictionary<string, string>? StorageOptions) SplitStorageOptions(JsonElement element, string label, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(StorageOptionsKey, out var options))
        {
            return (element, null);
        }

        var record = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != StorageOptionsKey)
            {
                record[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        using var document = JsonDocument.Parse(record.ToJsonString());
        return (document.RootElement.Clone(), StorageOptionsJson.Read(options, $"{label}: '{StorageOptionsKey}'", problems));
    }

    private static string Resolve(string urlpath, string folder) =>
        !RemoteUrlpath.TryParse(urlpath, out _) && LocalUrlpath.TryResolve(urlpath, out var path) && !urlpath.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(path, folder)
            : urlpath;
}
