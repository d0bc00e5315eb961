using System.Globalization;
using PadoFs.Images;
using PadoFs.Images.Records;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// Another image of the slide file (a TIFF's series after the first) as a multiscale group of its own, at
/// <c>series/&lt;number&gt;/</c> in the slide's group: its group documents and one array per level, laid out as the
/// slide's own levels are.
/// </summary>
internal sealed class SeriesGroup
{
    public SeriesGroup(Image image, ImageSeries series, IImageLender lender, SlideStoreOptions options, string slideName, ImageRecord record)
    {
        Name = series.Index.ToString(CultureInfo.InvariantCulture);
        var levels = new ZarrArray[series.Levels.Count];
        for (var level = 0; level < levels.Length; level++)
        {
            levels[level] = ImageArrays.Level(image, lender, level, ChunkMode.Tile, options.Format, options.Layout, options.SlideId, options.Cache, attributes: null, firstLevel: level == 0 ? null : levels[0].Geometry.Metadata, series.Index);
        }

        Levels = levels;
        var name = series.Name.Length > 0 ? series.Name : $"{slideName} series {Name}";
        Documents = options.Format.GroupDocuments(SlideAttributes.SeriesJson(name, series, levels[0].Geometry, record, options.Layout.Metadata, options.Format.NgffVersion));
    }

    /// <summary>The group's folder name: the series' number.</summary>
    public string Name { get; }

    public IReadOnlyList<NamedDocument> Documents { get; }

    public IReadOnlyList<ZarrArray> Levels { get; }
}
