using System.Text.Json;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// The key-value metadata that makes a parquet file a pado image store, as pado's <c>ImageProviderStore</c> writes
/// and checks it: <c>pado.store.parquet.*</c> keys with JSON-encoded values (store_type "image", store_version 1,
/// image_provider_version 1), and pyarrow's <c>pandas</c> metadata naming the index column of ImageId strings.
/// </summary>
public static class ImageStoreMetadata
{
    public const string Prefix = "pado.store.parquet.";
    public const string StoreTypeKey = Prefix + "store_type";
    public const string StoreVersionKey = Prefix + "store_version";
    public const string ProviderVersionKey = Prefix + "image_provider_version";
    public const string PandasKey = "pandas";

    public const int StoreVersion = 1;
    public const int ProviderVersion = 1;

    /// <summary>The name of the column holding the ImageIds, or null with the reason the file is refused.</summary>
    public static string? IndexColumnOf(IReadOnlyDictionary<string, string> metadata, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue(StoreTypeKey, out var storeTypeText))
        {
            problem = $"is not a pado image store: it has no {StoreTypeKey} metadata";
            return null;
        }

        if (JsonValue(storeTypeText) is not { ValueKind: JsonValueKind.String } storeType)
        {
            problem = $"has {StoreTypeKey} {storeTypeText}, not a JSON string";
            return null;
        }

        if (storeType.GetString() != "image")
        {
            problem = $"is a pado {storeType.GetString()} store, not an image store";
            return null;
        }

        // pado takes a missing store version as 0 and a missing provider version as too old.
        var storeVersion = Version(metadata, StoreVersionKey, 0, out problem);
        var providerVersion = problem is null ? Version(metadata, ProviderVersionKey, null, out problem) : null;
        if (problem is not null)
        {
            return null;
        }

        if (storeVersion != StoreVersion)
        {
            problem = $"is a pado image store of store_version {storeVersion}; only version {StoreVersion} is read";
            return null;
        }

        if (providerVersion != ProviderVersion)
        {
            problem = providerVersion is null
                ? $"has no {ProviderVersionKey} (an image store older than version {ProviderVersion}; migrate it with pado)"
                : $"is a pado image store of image_provider_version {providerVersion}; only version {ProviderVersion} is read";
            return null;
        }

        return IndexColumn(metadata, out problem);
    }

    private static string? IndexColumn(IReadOnlyDictionary<string, string> metadata, out string? problem)
    {
        if (!metadata.TryGetValue(PandasKey, out var pandasText) || JsonValue(pandasText) is not { ValueKind: JsonValueKind.Object } pandas)
        {
            problem = "has no pandas metadata naming its index of ImageIds";
            return null;
        }

        if (!pandas.TryGetProperty("index_columns", out var indexColumns) || indexColumns.ValueKind != JsonValueKind.Array || indexColumns.GetArrayLength() != 1)
        {
            problem = "has pandas metadata without the one index column of ImageIds pado writes";
            return null;
        }

        var index = indexColumns[0];
        if (index.ValueKind != JsonValueKind.String)
        {
            problem = "has a pandas range index, not an index of ImageIds";
            return null;
        }

        problem = null;
        return index.GetString();
    }

    private static int? Version(IReadOnlyDictionary<string, string> metadata, string key, int? missing, out string? problem)
    {
        problem = null;
        if (!metadata.TryGetValue(key, out var text))
        {
            return missing;
        }

        if (JsonValue(text) is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var version))
        {
            return version;
        }

        problem = $"has {key} {text}, not a whole number";
        return null;
    }

    private static JsonElement? JsonValue(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
