using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// The settings of a mount config other than <c>images</c> and <c>datasets</c>, as configuration keys ("cache:maxBytes"). Only these are
/// bound through Microsoft.Extensions.Configuration, so environment variables can override them; the images are
/// read from the JSON document as records and never flattened into keys.
/// </summary>
public static class MountSettings
{
    public const string EnvironmentPrefix = "PADOFS__";

    public const string Images = "images";

    public const string Datasets = "datasets";

    /// <summary>fsspec storage options for every remote slide of the mount whose record gives none; read with the images.</summary>
    public const string StorageOptions = "storageOptions";

    /// <summary>Every setting a file or the environment may give, besides <see cref="Images"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["mountPoint", "layout", "zarrFormat", "cache:maxBytes", "allowOther", "maxOpenSlides", "idleSeconds", "http:listen", "http:origins", "http:token"];

    private static readonly string[] s_booleans = ["allowOther"];

    private static readonly string[] s_integers = ["zarrFormat", "maxOpenSlides", "idleSeconds"];

    // Settings a file may give as a list of strings; bound as one comma-separated value, as the environment gives it.
    private static readonly string[] s_lists = ["http:origins"];

    /// <summary>The environment variable that overrides a setting: <c>cache:maxBytes</c> is <c>PADOFS__CACHE__MAXBYTES</c>.</summary>
    public static string EnvironmentVariable(string key) =>
        EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The <c>PADOFS__</c> names among <paramref name="names"/> that override no setting (misspelt, or aimed at the images).</summary>
    public static IReadOnlyList<string> UnknownEnvironmentVariables(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unknown = new List<string>();
        foreach (var name in names)
        {
            // The configuration provider matches the prefix and the keys ignoring case; so does this check.
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                && !Keys.Any(key => EnvironmentVariable(key).Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                unknown.Add(name);
            }
        }

        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }

    /// <summary>
    /// The file's settings as configuration keys and values, as the JSON configuration provider would give them,
    /// with every unknown or misshapen setting added to <paramref name="problems"/>; <paramref name="images"/> is
    /// the <c>images</c> value and <paramref name="datasets"/> the <c>datasets</c> value, left as JSON.
    /// </summary>
    public static Dictionary<string, string?> Read(JsonElement root, ICollection<string> problems, out JsonElement? images, out JsonElement? datasets)
    {
        ArgumentNullException.ThrowIfNull(problems);
        images = null;
        datasets = null;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in root.EnumerateObject())
        {
            if (setting.Name.Equals(Images, StringComparison.OrdinalIgnoreCase))
            {
                images = setting.Value;
            }
            else if (setting.Name.Equals(Datasets, StringComparison.OrdinalIgnoreCase))
            {
                datasets = setting.Value;
            }
            else if (setting.Name.Equals(StorageOptions, StringComparison.OrdinalIgnoreCase))
            {
                // Secrets, and a nested object: read from the document with the images, never from the environment.
            }
            else if (IsSection(setting.Name))
            {
                ReadSection(setting, problems, settings);
            }
            else if (!IsKey(setting.Name))
            {
                problems.Add($"unknown setting '{setting.Name}' (known: {KnownNames(string.Empty)})");
            }
            else if (setting.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                problems.Add($"'{setting.Name}' must be a single value, not an object or a list");
            }
            else
            {
                settings[setting.Name] = Text(setting.Value);
            }
        }

        return settings;
    }

    /// <summary>
    /// Adds a problem for every boolean or integer setting, from the file or the environment, that does not read as
    /// one, and returns their keys.
    /// </summary>
    public static IReadOnlyList<string> CheckValues(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var wrong = new List<string>();
        foreach (var key in s_booleans)
        {
            if (configuration[key] is { } text && !bool.TryParse(text, out _))
            {
                problems.Add($"'{key}' is '{text}', not true or false");
                wrong.Add(key);
            }
        }

        foreach (var key in s_integers)
        {
            if (configuration[key] is { } text && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"'{key}' is '{text}', not a whole number up to {int.MaxValue}");
                wrong.Add(key);
            }
        }

        return wrong;
    }

    private static void ReadSection(JsonProperty section, ICollection<string> problems, Dictionary<string, string?> settings)
    {
        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'{section.Name}' must be an object such as {{ \"{KnownNames(section.Name + ":")}\": ... }}");
            return;
        }

        foreach (var setting in section.Value.EnumerateObject())
        {
            var key = $"{section.Name}:{setting.Name}";
            if (!IsKey(key))
            {
                problems.Add($"unknown setting '{section.Name}.{setting.Name}' (known: {KnownNames(section.Name + ":")})");
            }
            else if (setting.Value.ValueKind == JsonValueKind.Array && s_lists.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                settings[key] = JoinList(setting, $"{section.Name}.{setting.Name}", problems);
            }
            else if (setting.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                problems.Add($"'{section.Name}.{setting.Name}' must be a single value");
            }
            else
            {
                settings[key] = Text(setting.Value);
            }
        }
    }

    private static string? JoinList(JsonProperty list, string name, ICollection<string> problems)
    {
        var items = new List<string>();
        foreach (var item in list.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Contains(',', StringComparison.Ordinal))
            {
                problems.Add($"'{name}' must be a list of strings without commas, got {item.GetRawText()}");
                return null;
            }

            items.Add(item.GetString()!);
        }

        return string.Join(',', items);
    }

    private static bool IsKey(string key) => Keys.Contains(key, StringComparer.OrdinalIgnoreCase);

    private static bool IsSection(string name) => Keys.Any(key => key.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));

    // The names directly under a section ("" for the top level), as a config spells them.
    private static string KnownNames(string section)
    {
        var names = Keys
            .Where(key => key.StartsWith(section, StringComparison.OrdinalIgnoreCase))
            .Select(key => key[section.Length..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join(", ", section.Length == 0 ? names.Append(Images).Append(Datasets) : names);
    }

    // As the JSON configuration provider: strings as they are, other values as written, null as null.
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
