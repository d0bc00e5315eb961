using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace PadoFs.Mount.Datasets;

/// <summary>
/// The values of a parquet file's top-level columns, one boxed value a row (null where missing): text, whole
/// numbers, floating-point numbers, times in UTC, and lists of numbers as arrays. What pyarrow makes of a pandas
/// frame: a column of None has parquet's null type and reads as missing everywhere.
/// </summary>
internal static class ImageStoreColumns
{
    /// <summary>Every column's values by name; <see cref="InvalidDataException"/> names a column of a kind pado does not write.</summary>
    public static async Task<Dictionary<string, object?[]>> ReadAsync(ParquetReader reader, CancellationToken cancellation)
    {
        var rowCount = 0L;
        foreach (var group in reader.RowGroups)
        {
            rowCount += group.RowCount;
        }

        var nullTyped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in reader.Metadata?.Schema ?? [])
        {
            if (element.LogicalType?.UNKNOWN is not null)
            {
                nullTyped.Add(element.Name);
            }
        }

        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var field in reader.Schema.Fields)
        {
            var (leaf, isList) = field switch
            {
                DataField data => (data, false),
                ListField { Item: DataField item } => (item, true),
                _ => (null, false),
            };
            if (leaf is null)
            {
                throw new InvalidDataException($"column '{field.Name}' is a {field.SchemaType}, not a column pado writes");
            }

            var values = new object?[rowCount];
            columns[field.Name] = values;
            if (nullTyped.Contains(field.Name))
            {
                continue;
            }

            // Timestamps are read as the whole numbers they are stored as: the reader's own conversion to DateTime
            // goes through floating point and misses pado's microseconds.
            var timestamp = leaf is DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp, Unit: { } unit } && !isList ? unit : (DateTimeTimeUnit?)null;
            var read = leaf;
            if (timestamp is not null)
            {
                read = new DataField<long?>(leaf.Name);
                _ = new ParquetSchema(read);
            }

            var row = 0;
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                using var raw = await rowGroup.ReadRawColumnDataBaseAsync(read, cancellation).ConfigureAwait(false);
                row = isList ? ReadList(raw, leaf, values, row) : ReadFlat(raw, read, values, row, (int)rowGroup.RowCount);
            }

            if (timestamp is { } storedUnit)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = values[i] is long stored ? Utc(stored, storedUnit) : null;
                }
            }
        }

        return columns;
    }

    // pado's times are Python datetimes, whole microseconds (pandas keeps them as nanoseconds). A time without a zone
    // is taken as UTC.
    private static DateTimeOffset Utc(long stored, DateTimeTimeUnit unit)
    {
        var microseconds = unit switch
        {
            DateTimeTimeUnit.Millis => stored * 1000,
            DateTimeTimeUnit.Micros => stored,
            _ => (long)Math.Round(stored / 1000.0, MidpointRounding.AwayFromZero),
        };
        return DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
    }

    private static int ReadFlat(RawColumnData raw, DataField field, object?[] values, int row, int count)
    {
        var definitions = field.MaxDefinitionLevel > 0 ? raw.DefinitionLevels : [];
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            var present = field.MaxDefinitionLevel == 0 || definitions[i] == field.MaxDefinitionLevel;
            var valueIndex = Aligned(raw, count) ? i : next;
            values[row + i] = present ? Value(raw, valueIndex) : null;
            if (present)
            {
                next++;
            }
        }

        return row + count;
    }

    private static int ReadList(RawColumnData raw, DataField item, object?[] values, int row)
    {
        var definitions = raw.DefinitionLevels;
        var repetitions = raw.RepetitionLevels;
        var elementSlot = item.MaxDefinitionLevel - (item.IsNullable ? 1 : 0);
        var emptyList = elementSlot - 1;
        var aligned = Aligned(raw, definitions.Length);
        List<object?>? list = null;
        var next = 0;
        for (var i = 0; i < definitions.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                if (i > 0)
                {
                    values[row++] = list?.ToArray();
                }

                list = definitions[i] >= emptyList ? [] : null;
            }

            if (definitions[i] >= elementSlot)
            {
                var present = definitions[i] == item.MaxDefinitionLevel;
                list!.Add(present ? Value(raw, aligned ? i : next) : null);
                if (present)
                {
                    next++;
                }
            }
        }

        if (definitions.Length > 0)
        {
            values[row++] = list?.ToArray();
        }

        return row;
    }

    private static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));

    // The reader gives a value slot for every level, missing ones included, or just the values present.
    private static bool Aligned(RawColumnData raw, int levels) => ValueCount(raw) == levels;

    private static int ValueCount(RawColumnData raw) => raw switch
    {
        RawColumnData<ReadOnlyMemory<char>> text => text.Values.Length,
        RawColumnData<long> number => number.Values.Length,
        RawColumnData<int> number => number.Values.Length,
        RawColumnData<double> number => number.Values.Length,
        RawColumnData<float> number => number.Values.Length,
        RawColumnData<DateTime> time => time.Values.Length,
        RawColumnData<bool> flag => flag.Values.Length,
        _ => throw new InvalidDataException($"a column of {raw.GetType().GenericTypeArguments.FirstOrDefault()?.Name} values, which pado does not write"),
    };

    private static object Value(RawColumnData raw, int index) => raw switch
    {
        RawColumnData<ReadOnlyMemory<char>> text => text.Values[index].ToString(),
        RawColumnData<long> number => number.Values[index],
        RawColumnData<int> number => (long)number.Values[index],
        RawColumnData<double> number => number.Values[index],
        RawColumnData<float> number => (double)number.Values[index],
        RawColumnData<DateTime> time => Utc(time.Values[index]),
        RawColumnData<bool> flag => flag.Values[index],
        _ => throw new InvalidDataException($"a column of {raw.GetType().GenericTypeArguments.FirstOrDefault()?.Name} values, which pado does not write"),
    };
}
