using System.CommandLine;
using PadoFs.Zarr;

namespace PadoFs.Cli.Commands;

/// <summary>The <c>--layout pado|ome-ngff</c> option shared by the commands that build zarr trees.</summary>
internal static class LayoutOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--layout")
        {
            Description = "pado: (y, x, samples) arrays as pado's zarr store; ome-ngff: (c, y, x) arrays for QuPath and napari-ome-zarr.",
            DefaultValueFactory = _ => ZarrLayoutNames.Pado,
        };
        option.AcceptOnlyFromAmong(ZarrLayoutNames.Pado, ZarrLayoutNames.OmeNgff);
        return option;
    }

    public static ZarrLayout Layout(this ParseResult result, Option<string> option) => ZarrLayoutNames.Parse(result.GetValue(option)!);
}
