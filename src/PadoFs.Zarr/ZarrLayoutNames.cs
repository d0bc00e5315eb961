namespace PadoFs.Zarr;

/// <summary>The names layouts have in configs and on the command line: one list for both, compared ignoring case.</summary>
public static class ZarrLayoutNames
{
    public const string Pado = "pado";
    public const string OmeNgff = "ome-ngff";

    private static readonly (string Name, ZarrLayout Layout)[] s_names =
    [
        (Pado, ZarrLayout.Pado), (OmeNgff, ZarrLayout.OmeNgff), ("ngff", ZarrLayout.OmeNgff), ("omengff", ZarrLayout.OmeNgff),
    ];

    /// <summary>Every accepted name, the two a layout is written as first.</summary>
    public static IReadOnlyList<string> Accepted { get; } = Array.ConvertAll(s_names, entry => entry.Name);

    public static bool TryParse(string? name, out ZarrLayout layout)
    {
        foreach (var (accepted, named) in s_names)
        {
            if (string.Equals(name, accepted, StringComparison.OrdinalIgnoreCase))
            {
                layout = named;
                return true;
            }
        }

        layout = ZarrLayout.Pado;
        return false;
    }

    public static ZarrLayout Parse(string name) =>
        TryParse(name, out var layout) ? layout : throw new ArgumentException(Unknown(name));

    /// <summary>Why <paramref name="name"/> is refused and what to write instead.</summary>
    public static string Unknown(string name) =>
        $"Unknown layout '{name}': use '{Pado}' or '{OmeNgff}' (also accepted for {OmeNgff}: {string.Join(", ", Accepted.Skip(2))}).";

    public static string Name(ZarrLayout layout) => layout == ZarrLayout.OmeNgff ? OmeNgff : Pado;
}
