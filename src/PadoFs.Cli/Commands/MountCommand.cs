using System.CommandLine;
using PadoFs.Cli.Daemon;
using PadoFs.Mount.Configuration;
using PadoFs.Zarr;

namespace PadoFs.Cli.Commands;

/// <summary>
/// <c>padofs mount CONFIG [--mountpoint DIR]</c> or <c>padofs mount --dataset DIR --mountpoint DIR</c>: the daemon, in the foreground until SIGINT or SIGTERM, then
/// unmounted cleanly with exit code 0. A broken config exits non-zero before mounting, listing every problem.
/// </summary>
internal static class MountCommand
{
    public static string Details { get; } = $$"""
        Config (JSON; comments and trailing commas allowed; relative paths resolve against the config's folder):
          {
            "mountPoint": "/mnt/slides",      // an existing, empty folder; --mountpoint DIR overrides it
            "layout": "pado",                 // or "ome-ngff", see Layouts
            "zarrFormat": 2,                  // or 3: zarr v3 (zarr.json, chunk keys c/0/1/0), OME-NGFF 0.5 in ome-ngff
            "cache": { "maxBytes": "2GiB" },  // decoded-chunk budget; without it, derived from the slides and the memory
            "allowOther": false,              // let other users see the mount
            "maxOpenSlides": 64,              // at most this many slides open at once
            "idleSeconds": 300,               // a slide unused this long is closed, and reopens when read
            "http": { "listen": "http://127.0.0.1:8080" },  // also serve the tree over HTTP and WebDAV: see padofs serve --help
            "images": [                       // pado records, as padofs record prints them; only urlpath is required
              { "image_id": ["site-a", "case-17", "slide.svs"], "urlpath": "/data/slide.svs", "mpp_x": 0.25, "mpp_y": 0.25 },
              { "urlpath": "/data/other.tiff" }
            ],
            "datasets": ["/data/my-dataset"]  // pado dataset folders: the records of their *.image.parquet files
          }
          "images" or "datasets" is required (and a mount point from the config, --mountpoint or the environment).
          image_id parts become folders, the last with .zarr appended: site-a/case-17/slide.svs.zarr; without one,
          other.tiff.zarr. A dataset's ImageId('case-17', 'slide.svs', site='site-a') is the folder
          site-a/case-17/slide.svs.zarr (the site first when it has one). A dataset file, row or folder that cannot be
          read or placed is one warning line and is left out; the rest mounts. An unknown setting is a problem, not a
          silent default.

        Layouts:
          {{ZarrLayoutNames.Pado,-9}} tifffile's arrays, byte for byte pado's (tifffile's) zarr store; the default
          {{ZarrLayoutNames.OmeNgff,-9}} (t, c, z, y, x) arrays, nested chunk keys, OME-NGFF 0.4 metadata, OME/METADATA.ome.xml: for napari-ome-zarr and QuPath
          Also accepted: {{string.Join(", ", ZarrLayoutNames.Accepted.Skip(2))}} for {{ZarrLayoutNames.OmeNgff}}.
          With "zarrFormat": 3 both are zarr v3 trees: one zarr.json per folder (the slide's holding every other one as
          consolidated metadata), chunk keys c/0/1/0; pado's arrays are those tifffile 2026.7 writes, ome-ngff's
          metadata is OME-NGFF 0.5.

        Environment variables override the config's settings (images are set in the config only); any other
        {{MountSettings.EnvironmentPrefix}} variable is refused as a problem:
          {{string.Join("  ", MountSettings.Keys.Select(MountSettings.EnvironmentVariable))}}
          e.g. PADOFS__LAYOUT=ome-ngff padofs mount slides.json

        Example: every slide of a folder, mounted at ./mnt:
          echo "{\"mountPoint\": \"mnt\", \"images\": $(padofs record /data/*.svs)}" > slides.json
          mkdir -p mnt && padofs mount slides.json

        Example: a pado dataset as it is, without a config (--dataset may be given several times, and beside a config):
          padofs mount --dataset /data/my-dataset --mountpoint mnt

        Exit status: 0 once SIGINT or SIGTERM unmounted it; 2 for a broken config, before mounting, every problem
        listed; 1 when mounting fails or the mount is ended from outside.
        """;

    public static Command Create()
    {
        var config = new Argument<string?>("config") { Description = "The mount config: a JSON file, described below.", Arity = ArgumentArity.ZeroOrOne };
        var mountPoint = new Option<string?>("--mountpoint") { Description = "Mount here instead of the config's mountPoint.", HelpName = "DIR" };
        var datasets = new Option<string[]>("--dataset") { Description = "Also mount the images of this pado dataset folder (may be repeated; no config needed).", HelpName = "DIR" };
        var command = new Command("mount", "Mount the slides of a config or a pado dataset as zarr folders, in the foreground until Ctrl+C or SIGTERM.") { config, mountPoint, datasets };
        command.SetAction(result => Run(result.GetValue(config), result.GetValue(mountPoint), result.GetValue(datasets) ?? []));
        return command;
    }

    private static int Run(string? configPath, string? mountPoint, string[] datasets)
    {
        if (configPath is null && datasets.Length == 0)
        {
            Console.Error.WriteLine("padofs: mount needs a config file or --dataset DIR (see padofs mount --help)");
            return DaemonHost.ConfigProblem;
        }

        return DaemonHost.Run(configPath ?? datasets[0], () => configPath is null
            ? MountConfigLoader.LoadDatasets(datasets, mountPoint)
            : MountConfigLoader.Load(configPath, mountPoint, datasets: datasets));
    }
}
