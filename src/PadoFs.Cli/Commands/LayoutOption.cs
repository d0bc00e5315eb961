using System.CommandLine;
using PadoFs.Zarr;

namespace PadoFs.Cli.Commands;

/// <summary>The <c>--layout pado|ome-ngff</c> option shared by the commands that build zarr trees.</summary>
internal static class LayoutOption
{
    public static Option<ZarrLayout> Create() => new("--layout")
    {
        Description = "pado: (y, x, samples) arrays as pado's zarr store; ome-ngff: (c, y, x) arrays for QuPath and napari-ome-zarr.",
        DefaultValueFactory = _ => ZarrLayout.Pado,
        CustomParser = argument => ZarrLayoutNames.Parse(argument.Tokens.Single().Value),
        HelpName = "pado|ome-ngff",
    };
}
