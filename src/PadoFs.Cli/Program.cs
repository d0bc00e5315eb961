using System.CommandLine;
using PadoFs.Cli.Commands;

var root = new RootCommand("PadoFs: whole-slide images as zarr, through pado's Image API and a read-only filesystem.")
{
    InspectCommand.Create(),
    RecordCommand.Create(),
    ExportCommand.Create(),
    MountCommand.Create(),
};
return root.Parse(args).Invoke();
