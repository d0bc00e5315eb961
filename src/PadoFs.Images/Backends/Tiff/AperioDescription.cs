using System.Globalization;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// The properties an Aperio SVS states in its first page's ImageDescription, read as OpenSlide reads them: after the
/// "Aperio" header line, '|'-separated <c>key = value</c> fields become <c>aperio.key</c>; <c>MPP</c> is the
/// resolution and <c>AppMag</c> the objective power. Where OpenSlide opens the file itself this gives the same
/// properties; a remote SVS, which only our TIFF reader reads, gets its mpp from here.
/// </summary>
internal static class AperioDescription
{
    private const string Header = "Aperio";

    /// <summary>Adds the description's properties when it is an Aperio one; false otherwise.</summary>
    public static bool TryAdd(string description, Dictionary<string, string> properties)
    {
        if (!description.StartsWith(Header, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = description.Split('|');
        for (var i = 1; i < fields.Length; i++)
        {
            var equals = fields[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = fields[i][..equals].Trim();
            if (key.Length > 0)
            {
                properties["aperio." + key] = fields[i][(equals + 1)..].Trim();
            }
        }

        properties[SlidePropertyNames.Vendor] = "aperio";
        properties[SlidePropertyNames.Comment] = description;
        // OpenSlide parses both and prints them back: the shortest text of the double, the integer.
        if (properties.TryGetValue("aperio.MPP", out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var mpp))
        {
            properties[SlidePropertyNames.MppX] = properties[SlidePropertyNames.MppY] = mpp.ToString("R", CultureInfo.InvariantCulture);
        }

        if (properties.TryGetValue("aperio.AppMag", out var power) && long.TryParse(power, NumberStyles.Integer, CultureInfo.InvariantCulture, out var magnification))
        {
            properties[SlidePropertyNames.ObjectivePower] = magnification.ToString(CultureInfo.InvariantCulture);
        }

        return true;
    }
}
