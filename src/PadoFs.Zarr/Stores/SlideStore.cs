using System.Globalization;
using PadoFs.Images;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// A whole slide as a zarr group: <c>.zgroup</c>, <c>.zattrs</c> (multiscales and the pado record), one array
/// per level under "0", "1", ... and the associated images under <c>associated/&lt;name&gt;</c>, outside multiscales.
/// </summary>
public sealed class SlideStore : ZarrStore
{
    public const string GroupDocument = ".zgroup";
    public const string AttributesDocument = ".zattrs";
    public const string AssociatedFolder = "associated";

    private static readonly byte[] s_group = ZarrJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("zarr_format", 2);
        writer.WriteEndObject();
    });

    private readonly Dictionary<string, ZarrArray> _associatedByName;

    public SlideStore(Image image, SlideStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        Layout = options.Layout;
        var lender = options.Lender ?? new OpenImageLender(image);
        var levels = new ZarrArray[image.Levels.Count];
        for (var level = 0; level < levels.Length; level++)
        {
            levels[level] = ImageArrays.Level(image, lender, level, ChunkMode.Tile, Layout, options.SlideId, options.Cache, attributes: null);
        }

        Levels = levels;
        var names = image.AssociatedImageNames;
        _associatedByName = new Dictionary<string, ZarrArray>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _associatedByName[names[i]] = ImageArrays.Associated(image, lender, names[i], i, Layout, options.SlideId, options.Cache);
        }

        AssociatedNames = names;
        Group = new ZarrDocument(s_group);
        var name = options.ImageId is { Count: > 0 } id ? id[^1] : Path.GetFileName(image.Urlpath);
        Attributes = new ZarrDocument(SlideAttributes.ToJson(name, image.Levels, image.PixelFormat, image.ToRecord(options.ImageId), Layout));
    }

    public ZarrLayout Layout { get; }

    public ZarrDocument Group { get; }

    public ZarrDocument Attributes { get; }

    public IReadOnlyList<ZarrArray> Levels { get; }

    public IReadOnlyList<string> AssociatedNames { get; }

    public ZarrArray Associated(string name) => _associatedByName[name];

    public override IEnumerable<string> EnumerateKeys()
    {
        yield return GroupDocument;
        yield return AttributesDocument;
        for (var level = 0; level < Levels.Count; level++)
        {
            foreach (var name in Levels[level].EnumerateNames())
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{level}/{name}");
            }
        }

        if (AssociatedNames.Count > 0)
        {
            yield return $"{AssociatedFolder}/{GroupDocument}";
            foreach (var associated in AssociatedNames)
            {
                foreach (var name in _associatedByName[associated].EnumerateNames())
                {
                    yield return $"{AssociatedFolder}/{associated}/{name}";
                }
            }
        }
    }

    public override ZarrEntry? Find(string key)
    {
        var parts = key.Split('/');
        return parts switch
        {
            [GroupDocument] => Group,
            [AttributesDocument] => Attributes,
            [AssociatedFolder, GroupDocument] when AssociatedNames.Count > 0 => Group,
            [AssociatedFolder, var associated, var name] => _associatedByName.TryGetValue(associated, out var array) ? array.Find(name) : null,
            [var level, var name] => int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < Levels.Count
                && level == index.ToString(CultureInfo.InvariantCulture)
                    ? Levels[index].Find(name)
                    : null,
            _ => null,
        };
    }
}
