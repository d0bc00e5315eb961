using System.Globalization;
using System.Text.Json;
using Parquet;
using PadoFs.Images.Records;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// Reads one <c>&lt;identifier&gt;.image.parquet</c> of a pado dataset into records: the store's metadata checked,
/// each row's ImageId read from the index column, its columns read as pado's record keys (with the same checks as
/// a config's records), its urlpath resolved. A file that cannot be read is one problem; a row that cannot be
/// read is one problem and the other rows are kept.
/// </summary>
public static class ImageStoreFile
{
    public const string Suffix = ".image.parquet";

    public static async Task<List<DatasetImage>> ReadAsync(string path, string workingFolder, ICollection<string> problems, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var images = new List<DatasetImage>();
        Dictionary<string, object?[]> columns;
        string? indexColumn;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellation).ConfigureAwait(false);
            indexColumn = ImageStoreMetadata.IndexColumnOf(reader.CustomMetadata, out var problem);
            if (indexColumn is null)
            {
                problems.Add($"'{path}' {problem}");
                return images;
            }

            columns = await ImageStoreColumns.ReadAsync(reader, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net reports a damaged file through exceptions of many types, its own among them: whichever it
            // is, it is this file's problem alone.
            problems.Add($"'{path}' cannot be read as parquet: {OneLine(e.Message)}");
            return images;
        }

        if (!columns.TryGetValue(indexColumn, out var ids))
        {
            problems.Add($"'{path}' has no column '{indexColumn}', the index of ImageIds its pandas metadata names");
            return images;
        }

        if (!columns.ContainsKey(ImageRecordKeys.Urlpath))
        {
            problems.Add($"'{path}' has no '{ImageRecordKeys.Urlpath}' column: it holds no pado image records");
            return images;
        }

        var recordColumns = new List<KeyValuePair<string, object?[]>>();
        foreach (var column in columns)
        {
            if (column.Key == indexColumn)
            {
                continue;
            }

            if (!ImageRecordKeys.All.Contains(column.Key))
            {
                problems.Add($"'{path}' has column '{column.Key}', which is no pado record key; it is left out");
                continue;
            }

            recordColumns.Add(column);
        }

        var rowProblems = new List<string>();
        var buffer = new MemoryStream();
        for (var row = 0; row < ids.Length; row++)
        {
            rowProblems.Clear();
            var image = ReadRow(ids[row], recordColumns, row, buffer, workingFolder, rowProblems);
            if (image is null)
            {
                problems.Add($"'{path}' row {row}{IdOf(ids[row])}: {string.Join("; ", rowProblems)}");
                continue;
            }

            images.Add(new DatasetImage(path, row, (string)ids[row]!, image.Value.Id, image.Value.Record));
        }

        return images;
    }

    private static (PadoImageId Id, ImageRecord Record)? ReadRow(
        object? idText, List<KeyValuePair<string, object?[]>> columns, int row, MemoryStream buffer, string workingFolder, List<string> problems)
    {
        if (idText is not string text)
        {
            problems.Add(idText is null ? "has no ImageId" : "has an ImageId that is not text");
            return null;
        }

        var id = ImageIdRepr.TryParse(text, out var idProblem);
        if (id is null)
        {
            problems.Add($"ImageId {idProblem}");
            return null;
        }

        buffer.SetLength(0);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in columns)
            {
                WriteValue(writer, key, values[row]);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        var record = ImageRecordJson.TryRead(document.RootElement, problems);
        if (record is null || problems.Count > 0)
        {
            return null;
        }

        var local = PadoUrlpath.TryResolve(record.Urlpath, workingFolder, out var urlpathProblem);
        if (local is null)
        {
            problems.Add(urlpathProblem!);
            return null;
        }

        return (id, record with { Urlpath = local, ImageId = id.FolderParts });
    }

    // Each value as the JSON a config's record would hold, so that both are checked alike; pandas' NaN is missing.
    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        writer.WritePropertyName(key);
        switch (value)
        {
            case null:
            case double number when double.IsNaN(number):
                writer.WriteNullValue();
                break;
            case double number when double.IsInfinity(number):
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteItem(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteItem(Utf8JsonWriter writer, object? item)
    {
        switch (item)
        {
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(item, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string IdOf(object? id) => id is string text ? $" ({OneLine(text)})" : string.Empty;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
