using System.Globalization;
using PadoFs.Images.Backends;
using PadoFs.Images.Records;

namespace PadoFs.Images;

/// <summary>Maps a backend's levels and well-known properties onto pado's metadata fields; the rest goes to <c>extra_json</c>.</summary>
internal static class ImageMetadataLoader
{
    private static readonly HashSet<string> s_mappedProperties =
    [
        SlidePropertyNames.ObjectivePower, SlidePropertyNames.MppX, SlidePropertyNames.MppY, SlidePropertyNames.Vendor,
        SlidePropertyNames.BackgroundColor, SlidePropertyNames.QuickHash1, SlidePropertyNames.Comment,
        SlidePropertyNames.BoundsX, SlidePropertyNames.BoundsY, SlidePropertyNames.BoundsWidth, SlidePropertyNames.BoundsHeight,
    ];

    public static ImageMetadata Load(ISlideBackend backend)
    {
        var properties = backend.Properties;
        var levels = backend.Levels;
        var downsamples = new double[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            downsamples[i] = levels[i].Downsample;
        }

        var extra = new List<KeyValuePair<string, string>>();
        foreach (var property in properties)
        {
            if (!s_mappedProperties.Contains(property.Key))
            {
                extra.Add(property);
            }
        }

        return new ImageMetadata
        {
            Width = levels[0].Width,
            Height = levels[0].Height,
            ObjectivePower = properties.GetValueOrDefault(SlidePropertyNames.ObjectivePower),
            MppX = PositiveNumber(properties, SlidePropertyNames.MppX),
            MppY = PositiveNumber(properties, SlidePropertyNames.MppY),
            Downsamples = downsamples,
            Vendor = properties.GetValueOrDefault(SlidePropertyNames.Vendor),
            Comment = properties.GetValueOrDefault(SlidePropertyNames.Comment),
            QuickHash1 = properties.GetValueOrDefault(SlidePropertyNames.QuickHash1),
            BackgroundColor = properties.GetValueOrDefault(SlidePropertyNames.BackgroundColor),
            BoundsX = Integer(properties, SlidePropertyNames.BoundsX),
            BoundsY = Integer(properties, SlidePropertyNames.BoundsY),
            BoundsWidth = Integer(properties, SlidePropertyNames.BoundsWidth),
            BoundsHeight = Integer(properties, SlidePropertyNames.BoundsHeight),
            ExtraJson = ExtraJson.Format(extra),
        };
    }

    // A slide that states an mpp of 0 or garbage has no usable resolution, the same as one that states none.
    private static double? PositiveNumber(IReadOnlyDictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && value > 0 && double.IsFinite(value)
            ? value
            : null;

    private static long? Integer(IReadOnlyDictionary<string, string> properties, string key) =>
        properties.TryGetValue(key, out var text)
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
