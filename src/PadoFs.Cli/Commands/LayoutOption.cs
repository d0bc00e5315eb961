using System.CommandLine;
using PadoFs.Zarr;

namespace PadoFs.Cli.Commands;

/// <summary>The <c>--layout pado|ome-ngff</c> option shared by the commands that build zarr trees; it accepts the names a config accepts.</summary>
internal static class LayoutOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--layout")
        {
            Description = "pado: tifffile's arrays as pado's zarr store; ome-ngff (or ngff): (t, c, z, y, x) arrays for QuPath and napari-ome-zarr.",
            DefaultValueFactory = _ => ZarrLayoutNames.Pado,
            HelpName = $"{ZarrLayoutNames.Pado}|{ZarrLayoutNames.OmeNgff}",
        };
        option.CompletionSources.Add([.. ZarrLayoutNames.Accepted]);
        option.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!ZarrLayoutNames.TryParse(name, out _))
            {
                result.AddError(ZarrLayoutNames.Unknown(name));
            }
        });
        return option;
    }

    public static ZarrLayout Layout(this ParseResult result, Option<string> option) => ZarrLayoutNames.Parse(result.GetValue(option)!);
}
