using System.CommandLine;
using PadoFs.Cli.Commands;
using PadoFs.Cli.Help;

var inspect = InspectCommand.Create();
var record = RecordCommand.Create();
var export = ExportCommand.Create();
var mount = MountCommand.Create();
var serve = ServeCommand.Create();
var root = new RootCommand("PadoFs: whole-slide images as zarr, through pado's Image API and a read-only filesystem.")
{
    inspect, record, export, mount, serve,
};
HelpWithDetails.Install(root, new Dictionary<Command, string>
{
    [root] = "Run padofs COMMAND --help for a command's details and examples.",
    [inspect] = InspectCommand.Details,
    [record] = RecordCommand.Details,
    [export] = ExportCommand.Details,
    [mount] = MountCommand.Details,
    [serve] = ServeCommand.Details,
});
return root.Parse(args).Invoke();
