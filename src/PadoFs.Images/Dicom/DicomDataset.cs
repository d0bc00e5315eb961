using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace PadoFs.Images.Dicom;

/// <summary>
/// The elements of a dataset (or of one sequence item) by tag, in file order, with readers for the value
/// representations a whole-slide reader needs. Values are read as the caller expects them, so an implicit-VR file
/// reads the same as an explicit one.
/// </summary>
public sealed class DicomDataset
{
    private readonly Dictionary<DicomTag, DicomElement> _elements = [];
    private readonly List<DicomElement> _ordered = [];

    /// <summary>Every element in the order the file holds them.</summary>
    public IReadOnlyList<DicomElement> Elements => _ordered;

    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    public DicomElement? Find(DicomTag tag) => _elements.GetValueOrDefault(tag);

    /// <summary>The values of a string element split at backslashes, trailing padding removed; empty when absent.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        if (Find(tag) is not { } element || element.Items is not null)
        {
            return [];
        }

        var text = Encoding.Latin1.GetString(element.Value.Span).TrimEnd(' ', '\0');
        return text.Length == 0 ? [] : Array.ConvertAll(text.Split('\\'), value => value.Trim(' ', '\0'));
    }

    public string? GetString(DicomTag tag, int index = 0)
    {
        var values = GetStrings(tag);
        return index < values.Length ? values[index] : null;
    }

    /// <summary>An integer stored as US, UL, SS, SL (by its length) or as an integer string (IS); null when absent or unreadable.</summary>
    public long? GetInteger(DicomTag tag)
    {
        if (Find(tag) is not { } element || element.Items is not null)
        {
            return null;
        }

        var value = element.Value.Span;
        return element.Vr switch
        {
            "US" when value.Length >= 2 => BinaryPrimitives.ReadUInt16LittleEndian(value),
            "SS" when value.Length >= 2 => BinaryPrimitives.ReadInt16LittleEndian(value),
            "UL" when value.Length >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(value),
            "SL" when value.Length >= 4 => BinaryPrimitives.ReadInt32LittleEndian(value),
            "US" or "SS" or "UL" or "SL" => null,
            _ => long.TryParse(GetString(tag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        };
    }

    /// <summary>The 64-bit unsigned values of an OV element (the extended offset tables).</summary>
    public ulong[] GetVeryLongs(DicomTag tag)
    {
        if (Find(tag) is not { } element || element.Items is not null)
        {
            return [];
        }

        var value = element.Value.Span;
        var values = new ulong[value.Length / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(value[(i * 8)..]);
        }

        return values;
    }

    /// <summary>The decimal strings (DS) of an element, or its FL/FD values; an unreadable value is NaN.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        if (Find(tag) is not { } element || element.Items is not null)
        {
            return [];
        }

        var value = element.Value.Span;
        if (element.Vr == "FD")
        {
            var doubles = new double[value.Length / 8];
            for (var i = 0; i < doubles.Length; i++)
            {
                doubles[i] = BinaryPrimitives.ReadDoubleLittleEndian(value[(i * 8)..]);
            }

            return doubles;
        }

        if (element.Vr == "FL")
        {
            var floats = new double[value.Length / 4];
            for (var i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(value[(i * 4)..]);
            }

            return floats;
        }

        return Array.ConvertAll(GetStrings(tag), text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN);
    }

    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => Find(tag)?.Items ?? [];

    /// <summary>The first item of a sequence, or null.</summary>
    public DicomDataset? GetItem(DicomTag tag) => GetSequence(tag) is { Count: > 0 } items ? items[0] : null;

    internal void Add(DicomElement element)
    {
        // A tag given twice keeps its first value, as readers that stop at the first match do.
        if (_elements.TryAdd(element.Tag, element))
        {
            _ordered.Add(element);
        }
    }
}
