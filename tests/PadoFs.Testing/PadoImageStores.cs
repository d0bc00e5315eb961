using System.Text.Json;

namespace PadoFs.Testing;

/// <summary>
/// Writes pado image stores (<c>&lt;identifier&gt;.image.parquet</c>) with an independent parquet writer (Apache Arrow
/// JS and parquet-wasm, tests/oracles-js/write_pado_image_store.mjs): pado's columns, pandas index and metadata.
/// </summary>
public static class PadoImageStores
{
    /// <summary>
    /// Writes a store at <paramref name="path"/>. <paramref name="rows"/> are records keyed as pado names them, with
    /// the ImageId string under "index"; <paramref name="types"/>, <paramref name="metadata"/>, <paramref name="indexName"/>
    /// and <paramref name="pandas"/> change what pandas and pado would have written (see the script).
    /// </summary>
    public static string Write(
        string path,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows,
        IReadOnlyDictionary<string, string>? types = null,
        IReadOnlyDictionary<string, string?>? metadata = null,
        string? indexName = null,
        bool pandas = true)
    {
        var spec = path + ".spec.json";
        File.WriteAllText(spec, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["identifier"] = Path.GetFileName(path).Split('.')[0],
            ["rows"] = rows,
            ["types"] = types,
            ["metadata"] = metadata,
            ["indexName"] = indexName,
            ["pandas"] = pandas,
        }));
        try
        {
            Node.RunOracle("write_pado_image_store.mjs", spec, path);
        }
        finally
        {
            File.Delete(spec);
        }

        return path;
    }

    /// <summary>A full record of a shared slide as pado writes one (the values are the test's own, not the slide's).</summary>
    public static Dictionary<string, object?> Row(string imageId, string urlpath, long width = 2220, long height = 2967) => new()
    {
        ["index"] = imageId,
        ["urlpath"] = urlpath,
        ["width"] = width,
        ["height"] = height,
        ["objective_power"] = "20",
        ["mpp_x"] = 0.499,
        ["mpp_y"] = 0.501,
        ["downsamples"] = new[] { 1.0, 4.000345, 16.0 },
        ["vendor"] = "aperio",
        ["size_bytes"] = 1_234_567L,
        ["time_last_modified"] = "2024-02-29T12:34:56.789Z",
        ["pado_image_backend"] = "TiffSlide",
        ["pado_image_backend_version"] = "2.4.0",
    };
}
