using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Tiff;

/// <summary>
/// The series of a PerkinElmer (Akoya) Vectra/Polaris qptiff, read as tifffile's <c>_series_qpi</c> reads them: the
/// run of alike first pages is the Baseline, one page per channel (axis C); the next page the Thumbnail; in a tiled
/// file the runs of as many pages, each half the size of the one before (rounded down), its pyramid levels; after a
/// pyramid the Macro and the Label. The channels are named and coloured as each baseline page's QPI XML gives them.
/// </summary>
internal static class QptiffSeries
{
    private const string Kind = "qpi";

    /// <summary>True when the first page's Software is PerkinElmer-QPI, tifffile's <c>is_qpi</c>.</summary>
    public static bool Matches(TiffFile file, IReadOnlyList<TiffPage> pages)
    {
        if (pages.Count == 0 || !pages[0].TryGetTag(TiffTagCode.Software, out var software) || software.Type != TiffTagType.Ascii)
        {
            return false;
        }

        // A Software value outside the file is reported where the tag is read for the slide's properties.
        try
        {
            return file.ReadTagString(software).StartsWith("PerkinElmer-QPI", StringComparison.Ordinal);
        }
        catch (TiffFormatException)
        {
            return false;
        }
    }

    public static List<TiffSeries> Build(IReadOnlyList<TiffPage> pages)
    {
        var first = pages[0];
        var baseline = Run(pages, 0, first.Shape);
        var index = baseline.Count;
        var levels = new List<List<TiffPage>> { baseline };
        TiffPage? thumbnail = index < pages.Count ? pages[index++] : null;
        if (first.IsTiled)
        {
            var shape = first.Shape.ToArray();
            while (index < pages.Count)
            {
                shape[0] /= 2;
                shape[1] /= 2;
                var level = Run(pages, index, shape);
                index += level.Count;
                if (level.Count != baseline.Count)
                {
                    break;
                }

                levels.Add(level);
            }
        }

        var (axes, seriesShape) = SeriesCandidate.Squeeze("C" + first.Axes, [baseline.Count, .. first.Shape]);
        var series = new List<TiffSeries>
        {
            new(
                "Baseline",
                Kind,
                axes,
                seriesShape,
                baseline,
                levels.ConvertAll(level => level[0]),
                levels.ConvertAll(level => (IReadOnlyList<TiffPage?>)level))
            {
                // A brightfield qptiff's pages are RGB: its one page names no channel of the samples.
                Channels = first.SamplesPerPixel == 1 ? Channels(baseline) : [],
            },
        };
        if (thumbnail is not null)
        {
            series.Add(Single("Thumbnail", thumbnail));
        }

        if (levels.Count > 1)
        {
            for (var name = 0; name < 2 && index < pages.Count; name++, index++)
            {
                series.Add(Single(name == 0 ? "Macro" : "Label", pages[index]));
            }
        }

        return series;
    }

    // The pages from start on whose shape is the given one.
    private static List<TiffPage> Run(IReadOnlyList<TiffPage> pages, int start, IReadOnlyList<long> shape)
    {
        var run = new List<TiffPage>();
        for (var index = start; index < pages.Count && pages[index].Shape.SequenceEqual(shape); index++)
        {
            run.Add(pages[index]);
        }

        return run;
    }

    private static TiffSeries Single(string name, TiffPage page) => new(name, Kind, page.Axes, page.Shape, [page], [page]);

    // Every page's Name (else Biomarker) and Color ("r,g,b"); none unless every channel page has a name.
    private static List<SlideChannel> Channels(List<TiffPage> pages)
    {
        var channels = new List<SlideChannel>(pages.Count);
        foreach (var page in pages)
        {
            if (Description(page.ImageDescription) is not { } description)
            {
                return [];
            }

            var name = Text(description, "Name") ?? Text(description, "Biomarker");
            if (name is null)
            {
                return [];
            }

            channels.Add(new SlideChannel(name, Color(Text(description, "Color"))));
        }

        return channels;
    }

    private static XElement? Description(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var root = XElement.Load(reader);
            return root.Name.LocalName == "PerkinElmer-QPI-ImageDescription" ? root : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Text(XElement description, string name) =>
        description.Descendants().FirstOrDefault(e => e.Name.LocalName == name && !e.HasElements) is { } element
            && element.Value.Trim() is { Length: > 0 } value
            ? value
            : null;

    // "r,g,b" in 0..255, as RGBA.
    private static uint? Color(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        uint rgba = 0xFF;
        for (var i = 0; i < 3; i++)
        {
            if (!byte.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            rgba |= (uint)value << (24 - (8 * i));
        }

        return rgba;
    }
}
