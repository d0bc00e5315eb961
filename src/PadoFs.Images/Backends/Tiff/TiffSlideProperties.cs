using System.Globalization;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// The properties OpenSlide reports for any TIFF (<c>tiff.*</c>, from the first page, formatted the way OpenSlide
/// formats them), those of an Aperio description (<see cref="AperioDescription"/>), and the resolution in
/// micrometres per pixel where the file states it with a unit or in its Aperio description.
/// </summary>
internal static class TiffSlideProperties
{
    private const int Inch = 2;
    private const int Centimeter = 3;
    private const double MicrometresPerInch = 25400;
    private const double MicrometresPerCentimeter = 10000;

    /// <summary>
    /// Coarser than this, a resolution is the writing software's screen or print default (72 to 600 dpi), not
    /// a scan's: no microscope image has pixels of 25 µm and more, and a wrong mpp is worse than none.
    /// </summary>
    private const double CoarsestMicroscopeMpp = 25;

    private static readonly (ushort Code, string Name)[] s_textTags =
    [
        (TiffTagCode.ImageDescription, "tiff.ImageDescription"),
        (TiffTagCode.Make, "tiff.Make"),
        (TiffTagCode.Model, "tiff.Model"),
        (TiffTagCode.Software, "tiff.Software"),
        (TiffTagCode.DateTime, "tiff.DateTime"),
        (TiffTagCode.Artist, "tiff.Artist"),
        (TiffTagCode.HostComputer, "tiff.HostComputer"),
        (TiffTagCode.Copyright, "tiff.Copyright"),
        (TiffTagCode.DocumentName, "tiff.DocumentName"),
    ];

    private static readonly (ushort Code, string Name)[] s_realTags =
    [
        (TiffTagCode.XResolution, "tiff.XResolution"),
        (TiffTagCode.YResolution, "tiff.YResolution"),
        (TiffTagCode.XPosition, "tiff.XPosition"),
        (TiffTagCode.YPosition, "tiff.YPosition"),
    ];

    /// <summary>The properties of the file's first page; an OME-XML pixel size, where given, is the mpp.</summary>
    public static Dictionary<string, string> Read(TiffFile file, OmePixels? ome = null)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Pages.Count == 0)
        {
            return properties;
        }

        var page = file.Pages[0];
        foreach (var (code, name) in s_textTags)
        {
            if (page.TryGetTag(code, out var tag) && tag.Type == TiffTagType.Ascii)
            {
                properties[name] = Text(file, tag);
            }
        }

        foreach (var (code, name) in s_realTags)
        {
            if (Real(page, code) is { } value)
            {
                properties[name] = FormatAsOpenSlide(value);
            }
        }

        // TIFF's default unit is the inch, and OpenSlide reports it even when the tag is absent.
        var unitTagPresent = page.TryGetTag(TiffTagCode.ResolutionUnit, out var unitTag) && unitTag.Count > 0 && unitTag.IsLoaded && TiffTag.IsInteger(unitTag.Type);
        var unit = unitTagPresent ? unitTag.GetInteger() : Inch;
        properties["tiff.ResolutionUnit"] = unit switch
        {
            1 => "none",
            Inch => "inch",
            Centimeter => "centimeter",
            _ => "unknown",
        };

        // Only a unit the file states makes a resolution physical: files without one carry screen defaults (72 dpi).
        if (unitTagPresent && unit is Inch or Centimeter)
        {
            var micrometres = unit == Inch ? MicrometresPerInch : MicrometresPerCentimeter;
            AddMpp(properties, SlidePropertyNames.MppX, Real(page, TiffTagCode.XResolution), micrometres);
            AddMpp(properties, SlidePropertyNames.MppY, Real(page, TiffTagCode.YResolution), micrometres);
        }

        if (properties.TryGetValue("tiff.ImageDescription", out var description))
        {
            AperioDescription.TryAdd(description, properties);
        }

        if (ome is { PhysicalSizeX: { } sizeX, PhysicalSizeY: { } sizeY })
        {
            properties[SlidePropertyNames.MppX] = FormatAsOpenSlide(sizeX);
            properties[SlidePropertyNames.MppY] = FormatAsOpenSlide(sizeY);
        }

        return properties;
    }

    private static void AddMpp(Dictionary<string, string> properties, string name, double? pixelsPerUnit, double micrometresPerUnit)
    {
        if (pixelsPerUnit is > 0 and < double.PositiveInfinity && micrometresPerUnit / pixelsPerUnit.Value < CoarsestMicroscopeMpp)
        {
            properties[name] = FormatAsOpenSlide(micrometresPerUnit / pixelsPerUnit.Value);
        }
    }

    private static string Text(TiffFile file, TiffTag tag)
    {
        var text = file.ReadTagString(tag);

        // OpenSlide reads the value as a C string: it ends at the first NUL.
        var end = text.IndexOf('\0', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>libtiff hands resolutions out as single-precision floats; OpenSlide prints them with 17 digits.</summary>
    private static double? Real(TiffPage page, ushort code) =>
        page.TryGetTag(code, out var tag) && tag.Count > 0 && tag.IsLoaded ? (float)tag.GetReal() : null;

    private static string FormatAsOpenSlide(double value) => value.ToString("G17", CultureInfo.InvariantCulture);
}
