using System.Text.Json;

namespace PadoFs.Testing;

/// <summary>A picture of a whole slide (a viewer's canvas) next to openslide-python's thumbnail of the slide at its size.</summary>
public static class OpenSlideThumbnails
{
    /// <summary>Colour statistics of <paramref name="picture"/> (a PNG) and of the slide's thumbnail, in <paramref name="blocks"/> x <paramref name="blocks"/> blocks.</summary>
    public static ThumbnailComparison Compare(string slide, string picture, int blocks)
    {
        using var json = JsonDocument.Parse(Python.RunOracle("openslide_thumbnail_vs_image.py", slide, picture, blocks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ThumbnailComparison(Summary(json.RootElement.GetProperty("picture")), Summary(json.RootElement.GetProperty("thumbnail")));
    }

    private static PictureColours Summary(JsonElement element)
    {
        static double[] Channels(JsonElement values) => [.. values.EnumerateArray().Select(value => value.GetDouble())];
        var size = element.GetProperty("size");
        return new PictureColours(
            size[0].GetInt32(),
            size[1].GetInt32(),
            Channels(element.GetProperty("mean")),
            Channels(element.GetProperty("std")),
            [.. element.GetProperty("blocks").EnumerateArray().Select(Channels)]);
    }
}

/// <summary>What the picture and the thumbnail look like, side by side.</summary>
public sealed record ThumbnailComparison(PictureColours Picture, PictureColours Thumbnail);

/// <summary>A picture's size, mean and standard deviation per RGB channel, and each block's mean colour (rows of blocks, top first).</summary>
public sealed record PictureColours(int Width, int Height, double[] Mean, double[] StandardDeviation, double[][] Blocks);
