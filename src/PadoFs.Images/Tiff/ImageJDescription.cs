using System.Globalization;

namespace PadoFs.Images.Tiff;

/// <summary>
/// The counts of an ImageJ description (<c>key=value</c> lines, as tifffile's <c>imagej_description_metadata</c> reads
/// them): frames, slices, channels and images (1 where absent) and the dimension order, lower case (<c>czt</c> where absent).
/// </summary>
internal sealed record ImageJDescription(long Frames, long Slices, long Channels, long Images, string Order)
{
    /// <summary>No hyperstack has more planes than a TIFF has pages.</summary>
    private const long MaxCount = TiffFile.MaxPages;

    private static readonly string[] s_lineBreaks = ["\r\n", "\n", "\r"];

    /// <summary>The description parsed; null where it names neither ImageJ nor SCIFIO, or a count is no positive integer, or the order no text.</summary>
    public static ImageJDescription? Parse(string description)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in description.Split(s_lineBreaks, StringSplitOptions.None))
        {
            var parts = line.Split('=');
            if (parts.Length == 2)
            {
                values[parts[0].Trim()] = parts[1].Trim();
            }
        }

        if (!values.ContainsKey("ImageJ") && !values.ContainsKey("SCIFIO"))
        {
            return null;
        }

        var order = values.TryGetValue("order", out var text) ? text.ToLowerInvariant() : "czt";
        if (values.ContainsKey("order") && (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "true" or "false"))
        {
            return null;
        }

        return Count(values, "frames") is { } frames && Count(values, "slices") is { } slices
            && Count(values, "channels") is { } channels && Count(values, "images") is { } images
            ? new ImageJDescription(frames, slices, channels, images, order)
            : null;
    }

    // A count as tifffile takes it: an integer, or a number of integer value; at least 1.
    private static long? Count(Dictionary<string, string> values, string key)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return 1;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return count is >= 1 and <= MaxCount ? count : null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= MaxCount && number == Math.Floor(number)
            ? (long)number
            : null;
    }
}
