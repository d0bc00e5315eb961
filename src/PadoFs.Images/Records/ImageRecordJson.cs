using System.Globalization;
using System.Text.Json;

namespace PadoFs.Images.Records;

/// <summary>Reads and writes records as pado's flat JSON objects: snake_case keys, nulls written, unknown keys refused.</summary>
public static class ImageRecordJson
{
    /// <summary>Writes every key of the record (nulls included) and <c>image_id</c> when the record has one.</summary>
    public static void Write(Utf8JsonWriter writer, ImageRecord record)
    {
        writer.WriteStartObject();
        if (record.ImageId is { } imageId)
        {
            writer.WriteStartArray(ImageRecordKeys.ImageId);
            foreach (var part in imageId)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }

        writer.WriteString(ImageRecordKeys.Urlpath, record.Urlpath);
        writer.WriteNumberOrNull(ImageRecordKeys.Width, record.Width);
        writer.WriteNumberOrNull(ImageRecordKeys.Height, record.Height);
        writer.WriteString(ImageRecordKeys.ObjectivePower, record.ObjectivePower);
        writer.WriteNumberOrNull(ImageRecordKeys.MppX, record.MppX);
        writer.WriteNumberOrNull(ImageRecordKeys.MppY, record.MppY);
        if (record.Downsamples is { } downsamples)
        {
            writer.WriteStartArray(ImageRecordKeys.Downsamples);
            foreach (var downsample in downsamples)
            {
                writer.WriteNumberValue(downsample);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull(ImageRecordKeys.Downsamples);
        }

        writer.WriteString(ImageRecordKeys.Vendor, record.Vendor);
        writer.WriteString(ImageRecordKeys.Comment, record.Comment);
        writer.WriteString(ImageRecordKeys.QuickHash1, record.QuickHash1);
        writer.WriteString(ImageRecordKeys.BackgroundColor, record.BackgroundColor);
        writer.WriteNumberOrNull(ImageRecordKeys.BoundsX, record.BoundsX);
        writer.WriteNumberOrNull(ImageRecordKeys.BoundsY, record.BoundsY);
        writer.WriteNumberOrNull(ImageRecordKeys.BoundsWidth, record.BoundsWidth);
        writer.WriteNumberOrNull(ImageRecordKeys.BoundsHeight, record.BoundsHeight);
        writer.WriteString(ImageRecordKeys.ExtraJson, record.ExtraJson);
        writer.WriteNumberOrNull(ImageRecordKeys.SizeBytes, record.SizeBytes);
        writer.WriteString(ImageRecordKeys.Md5Computed, record.Md5Computed);
        WriteTime(writer, ImageRecordKeys.TimeLastAccess, record.TimeLastAccess);
        WriteTime(writer, ImageRecordKeys.TimeLastModified, record.TimeLastModified);
        WriteTime(writer, ImageRecordKeys.TimeStatusChanged, record.TimeStatusChanged);
        writer.WriteString(ImageRecordKeys.PadoImageBackend, record.PadoImageBackend);
        writer.WriteString(ImageRecordKeys.PadoImageBackendVersion, record.PadoImageBackendVersion);
        writer.WriteEndObject();
    }

    public static string Serialize(ImageRecord record, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, record);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static ImageRecord Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>Reads a record; throws <see cref="FormatException"/> listing every problem found.</summary>
    public static ImageRecord Read(JsonElement element)
    {
        var problems = new List<string>();
        var record = TryRead(element, problems);
        if (record is null || problems.Count > 0)
        {
            throw new FormatException("Invalid image record: " + string.Join("; ", problems));
        }

        return record;
    }

    /// <summary>Reads a record, adding a message per problem to <paramref name="problems"/>; null when it cannot be read at all.</summary>
    public static ImageRecord? TryRead(JsonElement element, ICollection<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"a record must be a JSON object, got {element.ValueKind}");
            return null;
        }

        var reader = new FieldReader(problems);
        string? urlpath = null;
        var record = new ImageRecord { Urlpath = string.Empty };
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case ImageRecordKeys.Urlpath: urlpath = reader.String(property.Name, value); break;
                case ImageRecordKeys.ImageId: record = record with { ImageId = reader.StringList(property.Name, value) }; break;
                case ImageRecordKeys.Width: record = record with { Width = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.Height: record = record with { Height = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.ObjectivePower: record = record with { ObjectivePower = reader.StringOrNumber(property.Name, value) }; break;
                case ImageRecordKeys.MppX: record = record with { MppX = reader.PositiveNumber(property.Name, value) }; break;
                case ImageRecordKeys.MppY: record = record with { MppY = reader.PositiveNumber(property.Name, value) }; break;
                case ImageRecordKeys.Downsamples: record = record with { Downsamples = reader.NumberList(property.Name, value) }; break;
                case ImageRecordKeys.Vendor: record = record with { Vendor = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.Comment: record = record with { Comment = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.QuickHash1: record = record with { QuickHash1 = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.BackgroundColor: record = record with { BackgroundColor = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.BoundsX: record = record with { BoundsX = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.BoundsY: record = record with { BoundsY = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.BoundsWidth: record = record with { BoundsWidth = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.BoundsHeight: record = record with { BoundsHeight = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.ExtraJson: record = record with { ExtraJson = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.SizeBytes: record = record with { SizeBytes = reader.Integer(property.Name, value) }; break;
                case ImageRecordKeys.Md5Computed: record = record with { Md5Computed = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.TimeLastAccess: record = record with { TimeLastAccess = reader.Time(property.Name, value) }; break;
                case ImageRecordKeys.TimeLastModified: record = record with { TimeLastModified = reader.Time(property.Name, value) }; break;
                case ImageRecordKeys.TimeStatusChanged: record = record with { TimeStatusChanged = reader.Time(property.Name, value) }; break;
                case ImageRecordKeys.PadoImageBackend: record = record with { PadoImageBackend = reader.String(property.Name, value) }; break;
                case ImageRecordKeys.PadoImageBackendVersion: record = record with { PadoImageBackendVersion = reader.String(property.Name, value) }; break;
                default: problems.Add($"unknown key '{property.Name}'"); break;
            }
        }

        if (string.IsNullOrEmpty(urlpath))
        {
            problems.Add($"'{ImageRecordKeys.Urlpath}' is required");
            return null;
        }

        return record with { Urlpath = urlpath };
    }

    private static void WriteTime(Utf8JsonWriter writer, string key, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(key, time.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(key);
        }
    }

    private delegate bool ItemReader<T>(JsonElement item, out T value);

    /// <summary>Typed reads of one field each, reporting a wrong type as a problem naming the key.</summary>
    private readonly struct FieldReader(ICollection<string> problems)
    {
        public string? String(string key, JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => Text(key, value),
            _ => Wrong<string>(key, "a string", value),
        };

        public string? StringOrNumber(string key, JsonElement value) => value.ValueKind == JsonValueKind.Number
            ? value.GetRawText()
            : String(key, value);

        public long? Integer(string key, JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            _ => Wrong<long>(key, "an integer", value),
        };

        public double? PositiveNumber(string key, JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when IsPositiveAndFinite(value.GetDouble()) => value.GetDouble(),
            _ => Wrong<double>(key, "a positive number", value),
        };

        public IReadOnlyList<double>? NumberList(string key, JsonElement value) =>
            List(key, value, "a list of positive numbers", static (JsonElement item, out double number) =>
                item.ValueKind == JsonValueKind.Number && IsPositiveAndFinite(number = item.GetDouble()) || Fail(out number));

        public IReadOnlyList<string>? StringList(string key, JsonElement value) =>
            List(key, value, "a list of strings", static (JsonElement item, out string text) =>
                item.ValueKind == JsonValueKind.String && TryGetText(item, out text) || Fail(out text!));

        public DateTimeOffset? Time(string key, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }

            return Wrong<DateTimeOffset>(key, "an ISO 8601 date and time", value);
        }

        private string? Text(string key, JsonElement value) =>
            TryGetText(value, out var text) ? text : Wrong<string>(key, "valid text (it holds an unpaired surrogate)", value);

        // 1e400 reads as infinity: no mpp or downsample.
        private static bool IsPositiveAndFinite(double number) => number > 0 && double.IsFinite(number);

        // A JSON string can escape half a surrogate pair, which is no text at all.
        private static bool TryGetText(JsonElement value, out string text)
        {
            try
            {
                text = value.GetString()!;
                return true;
            }
            catch (InvalidOperationException)
            {
                text = string.Empty;
                return false;
            }
        }

        private static bool Fail<T>(out T value)
        {
            value = default!;
            return false;
        }

        private IReadOnlyList<T>? List<T>(string key, JsonElement value, string expected, ItemReader<T> read)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                return Wrong<IReadOnlyList<T>>(key, expected, value);
            }

            var list = new List<T>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (!read(item, out var element))
                {
                    return Wrong<IReadOnlyList<T>>(key, expected, value);
                }

                list.Add(element);
            }

            return list;
        }

        private T? Wrong<T>(string key, string expected, JsonElement value)
        {
            problems.Add($"'{key}' must be {expected}, got {value.GetRawText()}");
            return default;
        }
    }
}
