using System.Globalization;

namespace PadoFs.Images.Sources;

/// <summary>
/// How to reach S3, under the names of fsspec's s3fs so that pado users can paste their <c>storage_options</c>:
/// <c>key</c>, <c>secret</c>, <c>token</c>, <c>endpoint_url</c>, <c>anon</c> and <c>client_kwargs.region_name</c>
/// (nested client_kwargs come flattened with a dot). Without key and secret, and unless anonymous, credentials come
/// from the standard AWS environment variables, profile or instance role. Never printed with its secrets.
/// </summary>
public sealed record S3StorageOptions(string? Key, string? Secret, string? Token, string? EndpointUrl, bool Anonymous, string? Region)
{
    private static readonly string[] s_known = ["key", "secret", "token", "endpoint_url", "anon", "client_kwargs.region_name", "region_name"];

    /// <summary>Reads the s3fs names from <paramref name="options"/>; null or empty means the AWS environment.</summary>
    /// <exception cref="ArgumentException">an option is unknown or its value cannot be read; the message names it.</exception>
    public static S3StorageOptions From(IReadOnlyDictionary<string, string>? options)
    {
        if (options is null || options.Count == 0)
        {
            return new S3StorageOptions(null, null, null, null, false, null);
        }

        foreach (var name in options.Keys)
        {
            if (!s_known.Contains(name))
            {
                throw new ArgumentException($"storage option '{name}' is not one PadoFs reads for s3:// (known: {string.Join(", ", s_known)}).");
            }
        }

        var anonymous = false;
        if (options.TryGetValue("anon", out var anon) && !bool.TryParse(anon, out anonymous))
        {
            throw new ArgumentException($"storage option 'anon' must be true or false, not '{anon}'.");
        }

        var key = Get(options, "key");
        var secret = Get(options, "secret");
        if ((key is null) != (secret is null))
        {
            throw new ArgumentException("storage options 'key' and 'secret' go together: one is given without the other.");
        }

        if (Get(options, "endpoint_url") is { } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"storage option 'endpoint_url' is not an absolute URL: '{endpoint}'.");
        }

        return new S3StorageOptions(key, secret, Get(options, "token"), Get(options, "endpoint_url"), anonymous, Get(options, "client_kwargs.region_name") ?? Get(options, "region_name"));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"S3 at {EndpointUrl ?? "AWS"}, {(Anonymous ? "anonymous" : Key is null ? "credentials from the AWS environment" : "a given key")}{(Region is null ? string.Empty : ", region " + Region)}");

    private static string? Get(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
