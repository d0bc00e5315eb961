using System.Globalization;
using System.Text;
using PadoFs.Images.Dicom;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// The properties of a DICOM slide, named as OpenSlide 4 names them: every named element of level 0's first
/// instance (file meta and dataset) as <c>dicom.Keyword</c>, <c>dicom.Keyword[i]</c> for several values and
/// <c>dicom.Sequence[i].Keyword</c> inside sequences; the ICC profile base64-encoded (it is not applied); then the
/// vendor, the mpp from the shared Pixel Measures (PixelSpacing is row then column spacing, in mm) and the objective
/// power of the first optical path.
/// </summary>
internal static class DicomSlideProperties
{
    public const string Vendor = "dicom";

    public static IReadOnlyDictionary<string, string> Read(DicomFile file)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        AddDataset(properties, "dicom", file.Meta);
        AddDataset(properties, "dicom", file.Dataset);
        properties[SlidePropertyNames.Vendor] = Vendor;
        var measures = file.Dataset.GetItem(DicomTags.SharedFunctionalGroupsSequence)?.GetItem(DicomTags.PixelMeasuresSequence);
        if (measures?.GetDoubles(DicomTags.PixelSpacing) is [var rowSpacing, var columnSpacing, ..])
        {
            AddMpp(properties, SlidePropertyNames.MppY, rowSpacing);
            AddMpp(properties, SlidePropertyNames.MppX, columnSpacing);
        }

        if (file.Dataset.GetItem(DicomTags.OpticalPathSequence)?.GetDoubles(DicomTags.ObjectiveLensPower) is [var power, ..] && power > 0)
        {
            properties[SlidePropertyNames.ObjectivePower] = power.ToString("G17", CultureInfo.InvariantCulture);
        }

        return properties;
    }

    private static void AddMpp(Dictionary<string, string> properties, string name, double millimetres)
    {
        if (millimetres is > 0 and < double.PositiveInfinity)
        {
            properties[name] = (millimetres * 1000).ToString("G17", CultureInfo.InvariantCulture);
        }
    }

    private static void AddDataset(Dictionary<string, string> properties, string prefix, DicomDataset dataset)
    {
        foreach (var element in dataset.Elements)
        {
            // Per-frame groups repeat for every frame: thousands of properties that say nothing about the slide.
            if (element.Tag == DicomTags.PerFrameFunctionalGroupsSequence)
            {
                continue;
            }

            var keyword = element.Tag == DicomTags.IccProfile ? "ICCProfile" : DicomKeywords.Of(element.Tag);
            if (keyword is null)
            {
                continue;
            }

            if (element.Items is { } items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    AddDataset(properties, $"{prefix}.{keyword}[{i}]", items[i]);
                }

                continue;
            }

            if (element.Tag == DicomTags.IccProfile)
            {
                properties[$"{prefix}.{keyword}"] = Convert.ToBase64String(element.Value.Span);
                continue;
            }

            var values = ValuesOf(dataset, element);
            if (values.Length == 1)
            {
                properties[$"{prefix}.{keyword}"] = values[0];
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    properties[$"{prefix}.{keyword}[{i}]"] = values[i];
                }
            }
        }
    }

    private static string[] ValuesOf(DicomDataset dataset, DicomElement element)
    {
        var value = element.Value.Span;
        switch (element.Vr)
        {
            case "US" or "SS" or "UL" or "SL":
                return dataset.GetInteger(element.Tag) is { } number ? [number.ToString(CultureInfo.InvariantCulture)] : [];
            case "FL" or "FD":
                return Array.ConvertAll(dataset.GetDoubles(element.Tag), number => number.ToString("G17", CultureInfo.InvariantCulture));
            case "OB" or "OW" or "OD" or "OF" or "OL" or "OV" or "SQ":
                return [];
            default:
                foreach (var b in value)
                {
                    if (b is < 0x20 and not (0 or 0x0A or 0x0D or 0x09))
                    {
                        return [];
                    }
                }

                return Encoding.Latin1.GetString(value).Length == 0 ? [] : dataset.GetStrings(element.Tag);
        }
    }
}
