namespace PadoFs.Zarr;

/// <summary>The names layouts have in configs and on the command line.</summary>
public static class ZarrLayoutNames
{
    public const string Pado = "pado";
    public const string OmeNgff = "ome-ngff";

    public static ZarrLayout Parse(string name) => name.ToLowerInvariant() switch
    {
        Pado => ZarrLayout.Pado,
        OmeNgff or "omengff" or "ngff" => ZarrLayout.OmeNgff,
        _ => throw new ArgumentException($"Unknown layout '{name}': use '{Pado}' or '{OmeNgff}'."),
    };

    public static string Name(ZarrLayout layout) => layout == ZarrLayout.OmeNgff ? OmeNgff : Pado;
}
