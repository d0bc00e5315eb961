namespace PadoFs.Http;

/// <summary>The media type a file of the tree is served as, by its name.</summary>
internal static class ContentTypes
{
    public const string Json = "application/json";

    public static string Of(string name) =>
        name is ".zarray" or ".zattrs" or ".zgroup" or ".zmetadata" or "zarr.json" || name.EndsWith(".json", StringComparison.Ordinal) ? Json
        : name.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml"
        : "application/octet-stream";
}
