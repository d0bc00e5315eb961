using System.CommandLine;
using System.Globalization;
using PadoFs.Zarr.Formats;

namespace PadoFs.Cli.Commands;

/// <summary>The <c>--zarr-format 2|3</c> option of the commands that build zarr trees, taking the values a config's <c>zarrFormat</c> takes.</summary>
internal static class ZarrFormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--zarr-format")
        {
            Description = "2: zarr v2 (.zgroup, .zarray, .zattrs, .zmetadata); 3: zarr v3 (zarr.json), OME-NGFF 0.5 in the ome-ngff layout.",
            DefaultValueFactory = _ => "2",
            HelpName = string.Join('|', ZarrFormat.Versions),
        };
        option.CompletionSources.Add([.. ZarrFormat.Versions.Select(version => version.ToString(CultureInfo.InvariantCulture))]);
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (Parse(text) is null)
            {
                result.AddError(ZarrFormat.Unknown(text));
            }
        });
        return option;
    }

    /// <summary>The format the option names; the validator has refused any other value.</summary>
    public static ZarrFormat Format(this ParseResult result, Option<string> option) => Parse(result.GetValue(option))!;

    private static ZarrFormat? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? ZarrFormat.Of(version)
            : null;
}
