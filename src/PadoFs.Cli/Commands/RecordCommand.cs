using System.CommandLine;
using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Records;
using PadoFs.Mount.Configuration;

namespace PadoFs.Cli.Commands;

/// <summary>
/// <c>padofs record SLIDE... [--checksum]</c>: pado records as a JSON array, ready for a mount config's <c>images</c>;
/// <c>padofs record --dataset DIR</c>: the records a mount of that pado dataset would show, read from its parquet files.
/// </summary>
internal static class RecordCommand
{
    public const string Details = """
        Prints pado's flat records (urlpath as an absolute path, size, levels, mpp, vendor, file times, ...) as one
        JSON array on stdout; with several slides, progress goes to stderr. A mount config takes them as its images.

        With --dataset DIR, the records a mount of that pado dataset shows, as read from its *.image.parquet files
        (no slide is opened): urlpath resolved, image_id the folder parts its ImageId gives (the site first). Each
        file, row or record left out is one line on stderr.

        Examples:
          padofs record /data/*.svs > records.json
          echo "{\"mountPoint\": \"mnt\", \"images\": $(padofs record /data/*.svs)}" > slides.json
          padofs record --dataset /data/my-dataset

        Exit status: 0, or 1 with one line on stderr naming the first slide that cannot be opened; with --dataset, 1
        when anything of a dataset was left out (the records that can be read are printed all the same).
        """;

    public static Command Create()
    {
        var slides = new Argument<string[]>("slides") { Description = "Slide files.", Arity = ArgumentArity.ZeroOrMore };
        var checksum = new Option<bool>("--checksum") { Description = "Compute each file's md5 (reads every byte)." };
        var datasets = new Option<string[]>("--dataset") { Description = "Print the records of this pado dataset folder instead (may be repeated).", HelpName = "DIR" };
        var command = new Command("record", "Print pado records of slides, or of a pado dataset, as a JSON array.") { slides, checksum, datasets };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            var paths = result.GetValue(slides)!;
            var folders = result.GetValue(datasets) ?? [];
            if (paths.Length == 0 && folders.Length == 0)
            {
                Console.Error.WriteLine("padofs: record needs slide files or --dataset DIR (see padofs record --help)");
                return CommandErrors.Failure;
            }

            if (paths.Length > 0 && folders.Length > 0)
            {
                Console.Error.WriteLine("padofs: record takes slide files or --dataset, not both");
                return CommandErrors.Failure;
            }

            if (folders.Length > 0)
            {
                return PrintDatasets(folders);
            }

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

            Print(records);
            return 0;
        }));
        return command;
    }

    private static int PrintDatasets(string[] folders)
    {
        var images = new List<MountedImage>();
        var problems = new List<string>();
        DatasetImages.Add(images, folders.Select(folder => Path.GetFullPath(folder)).ToList(), Environment.CurrentDirectory, storageOptions: null, problems);
        Print(images.Select(image => image.Record));
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"padofs: {problem}");
        }

        return problems.Count == 0 ? 0 : CommandErrors.Failure;
    }

    private static void Print(IEnumerable<ImageRecord> records)
    {
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
    }
}
