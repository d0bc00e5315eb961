using System.CommandLine;

var root = new RootCommand("PadoFs: whole-slide images as zarr, through pado's Image API and a read-only filesystem.");
return root.Parse(args).Invoke();
