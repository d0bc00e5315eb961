using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Tiff;

/// <summary>
/// The series of a single-file OME-TIFF as tifffile reads them: one per OME <c>Image</c> whose <c>Pixels</c> name
/// pages of this file through <c>TiffData</c>, over the axes of the reversed <c>DimensionOrder</c> (XYCZT becomes
/// TZCYX), samples of a pixel as S (after X, or before Y where they are stored in separate planes), length-1 axes but
/// Y and X dropped; the SubIFDs of its pages are its pyramid levels. Null where the file is no OME-TIFF this reads
/// (no OME-XML, XML that does not parse, pages in other files), so that the generic series apply.
/// </summary>
internal static class OmeSeries
{
    private const string Kind = "ome";

    public static List<TiffSeries>? Build(TiffFile file, IReadOnlyList<TiffPage> pages)
    {
        if (pages.Count == 0 || !pages[0].ImageDescription.EndsWith("OME>", StringComparison.Ordinal))
        {
            return null;
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(pages[0].ImageDescription), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var series = new List<TiffSeries>();
        foreach (var image in root.Elements())
        {
            if (image.Name.LocalName == "BinaryOnly")
            {
                return null;
            }

            if (image.Name.LocalName != "Image" || Child(image, "Pixels") is not { } pixels)
            {
                continue;
            }

            if (Build(file, pages, image, pixels, (string?)root.Attribute("UUID")) is not { } found)
            {
                return null;
            }

            if (found.Pages.Count > 0)
            {
                series.Add(found);
            }
        }

        return series.Count > 0 ? series : null;
    }

    // A series without pages in this file is skipped (Pages empty); null gives up on OME for the whole file.
    private static TiffSeries? Build(TiffFile file, IReadOnlyList<TiffPage> pages, XElement image, XElement pixels, string? fileUuid)
    {
        var order = (string?)pixels.Attribute("DimensionOrder");
        if (order is null || order.Length != 5)
        {
            return null;
        }

        var axes = new string([.. order.Reverse()]);
        var shape = new List<long>(6);
        foreach (var axis in axes)
        {
            if (!long.TryParse((string?)pixels.Attribute("Size" + axis), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                return null;
            }

            shape.Add(size);
        }

        var samples = 1;
        var channels = new List<SlideChannel>();
        foreach (var channel in pixels.Elements().Where(e => e.Name.LocalName == "Channel"))
        {
            var channelSamples = int.TryParse((string?)channel.Attribute("SamplesPerPixel"), NumberStyles.None, CultureInfo.InvariantCulture, out var spp) ? spp : 1;
            if (channels.Count == 0 && channelSamples > 1)
            {
                samples = channelSamples;
                var c = axes.IndexOf('C', StringComparison.Ordinal);
                shape[c] = Math.Max(1, shape[c] / samples);
            }
            else if (channels.Count > 0 && channelSamples != samples)
            {
                return null;
            }

            channels.Add(new SlideChannel((string?)channel.Attribute("Name"), ParseColor((string?)channel.Attribute("Color"))));
        }

        var outerCount = shape[0] * shape[1] * shape[2];
        if (outerCount > TiffFile.MaxPages)
        {
            return null;
        }

        var ifds = new List<TiffPage?>();
        foreach (var data in pixels.Elements().Where(e => e.Name.LocalName == "TiffData"))
        {
            var ifd = Integer(data, "IFD", 0);
            var count = Integer(data, "PlaneCount", Integer(data, "NumPlanes", data.Attribute("IFD") is null ? 0 : 1));
            var first = (Integer(data, "First" + axes[0], 0) * shape[1] * shape[2]) + (Integer(data, "First" + axes[1], 0) * shape[2]) + Integer(data, "First" + axes[2], 0);
            // Planes of other files (a multi-file OME-TIFF) are not read: the file's own pages become generic series.
            if (Child(data, "UUID") is { } uuid && !IsThisFile(uuid, fileUuid, file.Path))
            {
                return null;
            }

            var size = count > 0 ? count : pages.Count;
            for (var i = 0; i < size && first + i < outerCount; i++)
            {
                while (ifds.Count <= first + i)
                {
                    ifds.Add(null);
                }

                ifds[(int)(first + i)] = ifd + i < pages.Count ? pages[(int)(ifd + i)] : null;
            }
        }

        var key = ifds.FirstOrDefault(page => page is not null);
        if (key is null)
        {
            return new TiffSeries(string.Empty, Kind, string.Empty, [], [], []);
        }

        var fullAxes = axes;
        if (samples > 1)
        {
            var at = key.PlanarConfiguration == 1 ? 5 : 3;
            fullAxes = fullAxes.Insert(at, "S");
            shape.Insert(at, samples);
        }

        while (ifds.Count < outerCount)
        {
            ifds.Add(null);
        }

        ifds.RemoveRange((int)outerCount, ifds.Count - (int)outerCount);
        var (squeezedAxes, squeezedShape) = SeriesCandidate.Squeeze(fullAxes, shape);
        if (!EndsWith(squeezedShape, key.Shape))
        {
            return new TiffSeries(string.Empty, Kind, string.Empty, [], [], []);
        }

        var levels = new List<TiffPage> { key };
        var levelPlanes = new List<IReadOnlyList<TiffPage?>> { ifds };
        for (var level = 0; level < key.SubPages.Count; level++)
        {
            var planes = new TiffPage?[ifds.Count];
            for (var plane = 0; plane < planes.Length; plane++)
            {
                planes[plane] = ifds[plane] is { } page && level < page.SubPages.Count ? page.SubPages[level] : null;
            }

            levels.Add(key.SubPages[level]);
            levelPlanes.Add(planes);
        }

        var name = (string?)image.Attribute("Name") ?? string.Empty;
        var ome = new OmePixels(channels, Length(pixels, "PhysicalSizeX"), Length(pixels, "PhysicalSizeY"));
        return new TiffSeries(name, Kind, squeezedAxes, squeezedShape, [.. ifds.Where(page => page is not null)!], levels, levelPlanes) { Ome = ome };
    }

    // A UUID names this file when it is the file's own (the OME root's), or, where the root has none, by the file name.
    private static bool IsThisFile(XElement uuid, string? fileUuid, string path) =>
        fileUuid is not null
            ? uuid.Value.Trim() == fileUuid
            : string.Equals((string?)uuid.Attribute("FileName"), Path.GetFileName(path), StringComparison.OrdinalIgnoreCase);

    private static bool EndsWith(long[] shape, IReadOnlyList<long> tail)
    {
        if (tail.Count > shape.Length)
        {
            return false;
        }

        for (var i = 0; i < tail.Count; i++)
        {
            if (shape[shape.Length - tail.Count + i] != tail[i])
            {
                return false;
            }
        }

        return true;
    }

    private static XElement? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static long Integer(XElement element, string name, long fallback) =>
        long.TryParse((string?)element.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    // OME colours are signed 32-bit RGBA.
    private static uint? ParseColor(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? unchecked((uint)value) : null;

    // OME lengths default to micrometres; other units are converted, unknown ones dropped.
    private static double? Length(XElement pixels, string name)
    {
        if (!double.TryParse((string?)pixels.Attribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            return null;
        }

        return ((string?)pixels.Attribute(name + "Unit") ?? "µm") switch
        {
            "µm" or "um" => value,
            "nm" => value / 1000,
            "mm" => value * 1000,
            "cm" => value * 10_000,
            "m" => value * 1_000_000,
            _ => null,
        };
    }
}
