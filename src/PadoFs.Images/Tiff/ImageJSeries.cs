namespace PadoFs.Images.Tiff;

/// <summary>
/// The one series of an ImageJ hyperstack, read as tifffile's <c>_series_imagej</c> reads it: the description's
/// <c>frames</c>, <c>slices</c> and <c>channels</c> in its <c>order</c> (TZC by default) before the first page's axes,
/// an I axis for images beyond them, length-1 axes but Y and X dropped; the pages in file order are its planes. Null
/// where the counts are not positive integers, or the first page's uncompressed data would run past the end of the
/// file, so that the generic series apply.
/// </summary>
internal static class ImageJSeries
{
    private const string Kind = "imagej";

    /// <summary>True when the first page's description is ImageJ's (or SCIFIO's), tifffile's <c>is_imagej</c>.</summary>
    public static bool Matches(IReadOnlyList<TiffPage> pages) =>
        pages.Count > 0 && pages[0].ImageDescription is var description
        && (description.StartsWith("ImageJ=", StringComparison.Ordinal) || description.StartsWith("SCIFIO=", StringComparison.Ordinal));

    public static List<TiffSeries>? Build(TiffFile file, IReadOnlyList<TiffPage> pages)
    {
        var page = pages[0];
        if (ImageJDescription.Parse(page.ImageDescription) is not { } description)
        {
            return null;
        }

        var (frames, slices, channels, images) = (description.Frames, description.Slices, description.Channels, description.Images);
        var separateSamples = page.PlanarConfiguration == 2 && page.SamplesPerPixel > 1 ? page.SamplesPerPixel : 1;
        var contiguousSamples = separateSamples == 1 ? page.SamplesPerPixel : 1;
        if (channels == 1 || (separateSamples > 1 && separateSamples == channels))
        {
            // Bio-Formats declares separate samples as channels.
            images = frames * slices;
        }
        else if (images == frames * slices && contiguousSamples == channels)
        {
            // RGB samples declared as channels.
            channels = 1;
        }
        else
        {
            images = frames * slices * channels;
        }

        if (images == 1 && pages.Count > 1)
        {
            images = pages.Count;
        }

        if (page.IsFinal && page.DataOffsets[0] + ((double)images * page.DecodedByteCount) > file.Length)
        {
            return null;
        }

        var (axes, counts) = description.Order switch
        {
            "ctz" => ("ZTC", new[] { slices, frames, channels }),
            "zct" => ("TCZ", [frames, channels, slices]),
            "ztc" => ("CTZ", [channels, frames, slices]),
            "tcz" => ("ZCT", [slices, channels, frames]),
            "tzc" => ("CZT", [channels, slices, frames]),
            _ => ("TZC", [frames, slices, channels]),
        };
        var shape = new List<long>(8);
        var remain = images / (counts[0] * counts[1] * counts[2]);
        if (remain > 1)
        {
            axes = "I" + axes;
            shape.Add(remain);
        }

        shape.AddRange(counts);
        if (separateSamples > 1)
        {
            shape.RemoveAt(shape.Count - 1);
            shape.AddRange(page.Shape);
            axes += page.Axes[1..];
        }
        else
        {
            shape.AddRange(page.Shape);
            axes += page.Axes;
        }

        if (!axes.Contains('S', StringComparison.Ordinal))
        {
            axes += "S";
            shape.Add(1);
        }

        var (squeezedAxes, squeezedShape) = SeriesCandidate.Squeeze(axes, shape);

        // The pages hold the planes in C order; a hyperstack with fewer pages than planes (one whose planes follow the
        // first page's data without pages of their own) keeps the pages it has, and its level reports the shortfall.
        var planeCount = (int)Math.Min(images, pages.Count);
        var planes = new List<TiffPage>(planeCount);
        for (var i = 0; i < planeCount; i++)
        {
            planes.Add(pages[i]);
        }

        return [new SeriesCandidate(planes, squeezedAxes, squeezedShape, string.Empty).ToSeries(Kind)];
    }
}
