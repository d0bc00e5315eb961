using System.CommandLine;
using PadoFs.Cli.Progress;
using PadoFs.Images;
using PadoFs.Zarr;
using PadoFs.Zarr.Export;
using PadoFs.Zarr.Stores;

namespace PadoFs.Cli.Commands;

/// <summary><c>padofs export SLIDE OUT.zarr [--layout pado|ome-ngff] [--zarr-format 2|3]</c>: the tree a mount shows, written to disk.</summary>
internal static class ExportCommand
{
    public const string Details = """
        Every level and associated image as uncompressed zarr chunks (zarr v2 unless --zarr-format 3), in parallel,
        with a progress bar on stderr. The folder is written under a temporary name and renamed at the end, so a
        failed export leaves nothing that looks complete; an existing output is never overwritten. --layout and
        --zarr-format take the values a mount config's layout and zarrFormat take.

        Examples:
          padofs export /data/slide.svs slide.zarr
          padofs export /data/slide.svs slide.zarr --layout ome-ngff
          padofs export /data/slide.svs slide.zarr --layout ome-ngff --zarr-format 3

        Exit status: 0, or 1 with one line on stderr naming the file and the reason.
        """;

    public static Command Create()
    {
        var slide = new Argument<string>("slide") { Description = "Path of the slide file." };
        var output = new Argument<string>("output") { Description = "The zarr folder to create (must not exist)." };
        var layout = LayoutOption.Create();
        var format = ZarrFormatOption.Create();
        var command = new Command("export", "Write a slide as a zarr folder on disk, the same tree a mount shows.") { slide, output, layout, format };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var path = Path.GetFullPath(result.GetValue(slide)!);
            using var image = new Image(path).Open();
            var store = new SlideStore(image, new SlideStoreOptions { Layout = result.Layout(layout), Format = result.Format(format) });
            ZarrDirectoryWriter.Write(store, result.GetValue(output)!, new ExportProgressBar());
            return 0;
        }));
        return command;
    }
}
