using System.CommandLine;
using PadoFs.Cli.Inspection;
using PadoFs.Images;

namespace PadoFs.Cli.Commands;

/// <summary><c>padofs inspect SLIDE [--json] [--chunk-sizes LEVEL]</c>: what a slide holds and how it is stored.</summary>
internal static class InspectCommand
{
    public const string Details = """
        Without --chunk-sizes, one chunk of the smallest level is decoded first, so a slide that opens but cannot be
        decoded is reported, not described. --json prints urlpath, backend, vendor, mpp_x, mpp_y (null when unknown),
        properties, associated_images and levels (level, width, height, downsample, tile_width, tile_height,
        chunk_rows, chunk_cols, stored_bytes), and series: every image of the file (series, name, folder such as
        series/1 in the slide's tree, samples, dtype, levels), series 0 first. --chunk-sizes LEVEL prints only that
        level's stored bytes per chunk (-1 where the format does not tell), read from the file's structure, also for a
        slide that does not decode.

        Examples:
          padofs inspect /data/slide.svs
          padofs inspect /data/slide.svs --json
          padofs inspect /data/slide.svs --chunk-sizes 0

        Exit status: 0, or 1 with one line on stderr naming the file and the reason.
        """;

    public static Command Create()
    {
        var slide = new Argument<string>("slide") { Description = "Path of the slide file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var chunkSizes = new Option<int?>("--chunk-sizes") { Description = "Print the stored byte count of every chunk of LEVEL as JSON rows.", HelpName = "LEVEL" };
        var command = new Command("inspect", "Show a slide's backend, vendor, levels, mpp, properties, associated images and chunk grids.")
        {
            slide, json, chunkSizes,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            using var image = new Image(result.GetValue(slide)!).Open();
            if (result.GetValue(chunkSizes) is { } level)
            {
                // Stored sizes are structure: they are there to read even for a slide that does not decode.
                ChunkSizesWriter.Write(Console.OpenStandardOutput(), image.GetChunkSizes(level));
                return 0;
            }

            ProveReadable(image);
            var inspection = SlideInspection.Of(image);
            if (result.GetValue(json))
            {
                inspection.WriteJson(Console.OpenStandardOutput());
            }
            else
            {
                inspection.WriteText(Console.Out);
            }

            return 0;
        }));
        return command;
    }

    // A slide whose structure reads fine may still fail to decode: one chunk of the smallest level tells,
    // cheaply, before anything is printed.
    private static void ProveReadable(Image image)
    {
        var smallest = image.Levels[^1];
        var chunk = new byte[(long)smallest.ChunkWidth * smallest.ChunkHeight * image.PixelFormat.BytesPerPixel];
        image.ReadChunk(smallest.Index, 0, 0, chunk);
    }
}
