using System.CommandLine;
using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Records;

namespace PadoFs.Cli.Commands;

/// <summary><c>padofs record SLIDE... [--checksum]</c>: pado records as a JSON array, ready for a mount config's <c>images</c>.</summary>
internal static class RecordCommand
{
    public const string Details = """
        Prints pado's flat records (urlpath as an absolute path, size, levels, mpp, vendor, file times, ...) as one
        JSON array on stdout; with several slides, progress goes to stderr. A mount config takes them as its images.

        Examples:
          padofs record /data/*.svs > records.json
          echo "{\"mountPoint\": \"mnt\", \"images\": $(padofs record /data/*.svs)}" > slides.json

        Exit status: 0, or 1 with one line on stderr naming the first slide that cannot be opened.
        """;

    public static Command Create()
    {
        var slides = new Argument<string[]>("slides") { Description = "Slide files.", Arity = ArgumentArity.OneOrMore };
        var checksum = new Option<bool>("--checksum") { Description = "Compute each file's md5 (reads every byte)." };
        var command = new Command("record", "Print pado records of slides as a JSON array.") { slides, checksum };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var paths = result.GetValue(slides)!;
            var records = new List<ImageRecord>(paths.Length);
            for (var i = 0; i < paths.Length; i++)
            {
                if (paths.Length > 1)
                {
                    Console.Error.WriteLine($"[{i + 1}/{paths.Length}] {paths[i]}");
                }

                var path = Path.GetFullPath(paths[i]);
                using var image = new Image(path, loadMetadata: true, loadFileInfo: true, checksum: result.GetValue(checksum));
                records.Add(image.ToRecord());
            }

            using var output = Console.OpenStandardOutput();
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
            writer.WriteStartArray();
            foreach (var record in records)
            {
                ImageRecordJson.Write(writer, record);
            }

            writer.WriteEndArray();
            writer.Flush();
            output.WriteByte((byte)'\n');
            return 0;
        }));
        return command;
    }
}
