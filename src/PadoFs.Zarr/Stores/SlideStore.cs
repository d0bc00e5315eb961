using System.Globalization;
using PadoFs.Images;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// A whole slide as a zarr group in its format: the group's documents (attributes: multiscales and the pado
/// record; consolidated metadata of the whole tree), one array per level under "0", "1", ... and the associated
/// images under <c>associated/&lt;name&gt;</c>, outside the slide's multiscales. In the OME-NGFF layout each
/// associated image is an OME-NGFF image group of its own (its array at <c>associated/&lt;name&gt;/0</c>) and
/// <c>OME/METADATA.ome.xml</c> describes the slide and then the associated images for Bio-Formats and QuPath.
/// The file's other series, where it has more than one, are multiscale groups of their own under
/// <c>series/&lt;number&gt;/</c> (<see cref="SeriesGroup"/>), listed in the root's consolidated metadata.
/// </summary>
public sealed class SlideStore : ZarrStore
{
    public const string AssociatedFolder = "associated";

    /// <summary>The folder of the file's other series, one group per series named by its number.</summary>
    public const string SeriesFolder = "series";

    private readonly Dictionary<string, ZarrArray> _associatedByName;
    private readonly IReadOnlyList<NamedDocument> _documents;
    private readonly IReadOnlyList<NamedDocument> _associatedDocuments;
    private readonly Dictionary<string, IReadOnlyList<NamedDocument>> _associatedGroups = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<NamedDocument> _omeGroupDocuments = [];
    private readonly IReadOnlyList<NamedDocument> _omeDocuments = [];
    private readonly List<SeriesGroup> _series;
    private readonly Dictionary<string, SeriesGroup> _seriesByName = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<NamedDocument> _seriesDocuments;

    public SlideStore(Image image, SlideStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        Layout = options.Layout;
        Format = options.Format;
        var lender = options.Lender ?? new OpenImageLender(image);
        var levels = new ZarrArray[image.Levels.Count];
        for (var level = 0; level < levels.Length; level++)
        {
            levels[level] = ImageArrays.Level(image, lender, level, ChunkMode.Tile, Format, Layout, options.SlideId, options.Cache, attributes: null, firstLevel: level == 0 ? null : levels[0].Geometry.Metadata);
        }

        Levels = levels;
        var names = image.AssociatedImageNames;
        _associatedByName = new Dictionary<string, ZarrArray>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _associatedByName[names[i]] = ImageArrays.Associated(image, lender, names[i], i, Format, Layout, options.SlideId, options.Cache);
        }

        AssociatedNames = names;
        var name = options.ImageId is { Count: > 0 } id ? id[^1] : Path.GetFileName(Path.TrimEndingDirectorySeparator(image.Urlpath));
        var record = image.ToRecord(options.ImageId);
        _associatedDocuments = Format.GroupDocuments(attributes: null);
        if (Layout.Metadata == MetadataConvention.OmeNgff)
        {
            foreach (var associated in names)
            {
                _associatedGroups[associated] = Format.GroupDocuments(AssociatedImageAttributes.ToJson(associated, _associatedByName[associated].Geometry, Format.NgffVersion));
            }

            _omeGroupDocuments = Format.GroupDocuments(attributes: null);
            _omeDocuments = [.. _omeGroupDocuments, new NamedDocument(OmeXmlDocument.FileName, new ZarrDocument(OmeXmlDocument.ForSlide(image, levels[0].Geometry, name, record)))];
        }

        var series = new List<SeriesGroup>();
        foreach (var other in image.Series)
        {
            if (other.Index != 0)
            {
                var group = new SeriesGroup(image, other, lender, options, name, record);
                series.Add(group);
                _seriesByName[group.Name] = group;
            }
        }

        _series = series;
        _seriesDocuments = Format.GroupDocuments(attributes: null);
        _documents = Format.RootDocuments(SlideAttributes.ToJson(name, image.Levels, levels[0].Geometry, image.Channels, record, Layout.Metadata, Format.NgffVersion), DescendantDocuments());
    }

    public ZarrLayout Layout { get; }

    public ZarrFormat Format { get; }

    public IReadOnlyList<ZarrArray> Levels { get; }

    public IReadOnlyList<string> AssociatedNames { get; }

    public ZarrArray Associated(string name) => _associatedByName[name];

    public override IEnumerable<string> EnumerateKeys()
    {
        foreach (var document in _documents)
        {
            yield return document.Name;
        }

        for (var level = 0; level < Levels.Count; level++)
        {
            foreach (var name in Levels[level].EnumerateNames())
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{level}/{name}");
            }
        }

        if (AssociatedNames.Count > 0)
        {
            foreach (var document in _associatedDocuments)
            {
                yield return $"{AssociatedFolder}/{document.Name}";
            }

            foreach (var associated in AssociatedNames)
            {
                if (_associatedGroups.TryGetValue(associated, out var group))
                {
                    foreach (var document in group)
                    {
                        yield return $"{AssociatedFolder}/{associated}/{document.Name}";
                    }
                }

                var folder = AssociatedArrayFolder(associated);
                foreach (var name in _associatedByName[associated].EnumerateNames())
                {
                    yield return $"{folder}/{name}";
                }
            }
        }

        if (_series.Count > 0)
        {
            foreach (var document in _seriesDocuments)
            {
                yield return $"{SeriesFolder}/{document.Name}";
            }

            foreach (var group in _series)
            {
                foreach (var document in group.Documents)
                {
                    yield return $"{SeriesFolder}/{group.Name}/{document.Name}";
                }

                for (var level = 0; level < group.Levels.Count; level++)
                {
                    foreach (var name in group.Levels[level].EnumerateNames())
                    {
                        yield return string.Create(CultureInfo.InvariantCulture, $"{SeriesFolder}/{group.Name}/{level}/{name}");
                    }
                }
            }
        }

        foreach (var document in _omeDocuments)
        {
            yield return $"{OmeXmlDocument.Folder}/{document.Name}";
        }
    }

    public override ZarrEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ArrayAt(key, out var inArray) is { } array)
        {
            return inArray.IsEmpty ? null : array.Find(inArray);
        }

        var head = Split(key, out var rest);
        if (rest.IsEmpty)
        {
            return FindDocument(_documents, head);
        }

        if (head.SequenceEqual(OmeXmlDocument.Folder))
        {
            return FindDocument(_omeDocuments, rest);
        }

        if (head.SequenceEqual(SeriesFolder) && _series.Count > 0)
        {
            var number = Split(rest, out var inSeries);
            return inSeries.IsEmpty ? FindDocument(_seriesDocuments, number) : SeriesNamed(number) is { } named ? FindDocument(named.Documents, inSeries) : null;
        }

        if (!head.SequenceEqual(AssociatedFolder) || AssociatedNames.Count == 0)
        {
            return null;
        }

        var associated = Split(rest, out var inGroup);
        if (inGroup.IsEmpty)
        {
            return FindDocument(_associatedDocuments, associated);
        }

        return AssociatedGroup(associated) is { } group ? FindDocument(group, inGroup) : null;
    }

    public override IReadOnlyList<StoreName>? List(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (ArrayAt(folder, out var inArray) is { } array)
        {
            return array.List(inArray);
        }

        if (folder.Length == 0)
        {
            var names = Names(_documents);
            for (var level = 0; level < Levels.Count; level++)
            {
                names.Add(new StoreName(level.ToString(CultureInfo.InvariantCulture), IsFolder: true));
            }

            if (AssociatedNames.Count > 0)
            {
                names.Add(new StoreName(AssociatedFolder, IsFolder: true));
            }

            if (_series.Count > 0)
            {
                names.Add(new StoreName(SeriesFolder, IsFolder: true));
            }

            if (_omeDocuments.Count > 0)
            {
                names.Add(new StoreName(OmeXmlDocument.Folder, IsFolder: true));
            }

            return names;
        }

        if (folder == SeriesFolder && _series.Count > 0)
        {
            var names = Names(_seriesDocuments);
            foreach (var other in _series)
            {
                names.Add(new StoreName(other.Name, IsFolder: true));
            }

            return names;
        }

        if (SeriesGroupAt(folder) is { } series)
        {
            var names = Names(series.Documents);
            for (var level = 0; level < series.Levels.Count; level++)
            {
                names.Add(new StoreName(level.ToString(CultureInfo.InvariantCulture), IsFolder: true));
            }

            return names;
        }

        if (folder == OmeXmlDocument.Folder && _omeDocuments.Count > 0)
        {
            return Names(_omeDocuments);
        }

        if (AssociatedGroupAt(folder) is { } group)
        {
            var names = Names(group);
            names.Add(new StoreName(AssociatedImageAttributes.LevelPath, IsFolder: true));
            return names;
        }

        if (folder == AssociatedFolder && AssociatedNames.Count > 0)
        {
            var names = Names(_associatedDocuments);
            foreach (var associated in AssociatedNames)
            {
                names.Add(new StoreName(associated, IsFolder: true));
            }

            return names;
        }

        return null;
    }

    public override bool IsFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ArrayAt(path, out var inArray) is { } array)
        {
            return inArray.IsEmpty || array.IsFolder(inArray);
        }

        return (path == AssociatedFolder && AssociatedNames.Count > 0)
            || (path == OmeXmlDocument.Folder && _omeDocuments.Count > 0)
            || (path == SeriesFolder && _series.Count > 0)
            || AssociatedGroupAt(path) is not null
            || SeriesGroupAt(path) is not null;
    }

    // The array whose folder holds path, and the rest of path inside it (empty for the array's folder itself).
    private ZarrArray? ArrayAt(ReadOnlySpan<char> path, out ReadOnlySpan<char> inArray)
    {
        var head = Split(path, out var rest);
        if (head.SequenceEqual(AssociatedFolder))
        {
            var associated = Split(rest, out var inImage);
            if (!_associatedByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(associated, out var image))
            {
                inArray = [];
                return null;
            }

            if (_associatedGroups.Count == 0)
            {
                inArray = inImage;
                return image;
            }

            return Split(inImage, out inArray).SequenceEqual(AssociatedImageAttributes.LevelPath) ? image : null;
        }

        if (head.SequenceEqual(SeriesFolder))
        {
            var series = SeriesNamed(Split(rest, out var inSeries));
            var levelName = Split(inSeries, out inArray);
            return series is not null && ChunkKeyEncoding.TryParseIndex(levelName, series.Levels.Count, out var seriesLevel) ? series.Levels[seriesLevel] : null;
        }

        inArray = rest;
        return ChunkKeyEncoding.TryParseIndex(head, Levels.Count, out var level) ? Levels[level] : null;
    }

    // The series group whose folder path is: series/<number>.
    private SeriesGroup? SeriesGroupAt(ReadOnlySpan<char> path)
    {
        var head = Split(path, out var rest);
        return head.SequenceEqual(SeriesFolder) && rest.IndexOf('/') < 0 ? SeriesNamed(rest) : null;
    }

    private SeriesGroup? SeriesNamed(ReadOnlySpan<char> name) =>
        _seriesByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var group) ? group : null;

    // The first name of path; rest is what follows its '/', empty when there is none.
    private static ReadOnlySpan<char> Split(ReadOnlySpan<char> path, out ReadOnlySpan<char> rest)
    {
        var slash = path.IndexOf('/');
        rest = slash < 0 ? [] : path[(slash + 1)..];
        return slash < 0 ? path : path[..slash];
    }

    // The documents of the associated image's own group (OME-NGFF layout only) that path names: associated/<name>.
    private IReadOnlyList<NamedDocument>? AssociatedGroupAt(ReadOnlySpan<char> path)
    {
        var head = Split(path, out var rest);
        return head.SequenceEqual(AssociatedFolder) && rest.IndexOf('/') < 0 ? AssociatedGroup(rest) : null;
    }

    private IReadOnlyList<NamedDocument>? AssociatedGroup(ReadOnlySpan<char> name) =>
        _associatedGroups.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var group) ? group : null;

    private string AssociatedArrayFolder(string name) =>
        _associatedGroups.Count == 0 ? $"{AssociatedFolder}/{name}" : $"{AssociatedFolder}/{name}/{AssociatedImageAttributes.LevelPath}";

    private static ZarrDocument? FindDocument(IReadOnlyList<NamedDocument> documents, ReadOnlySpan<char> name)
    {
        foreach (var document in documents)
        {
            if (name.SequenceEqual(document.Name))
            {
                return document.Document;
            }
        }

        return null;
    }

    private static List<StoreName> Names(IReadOnlyList<NamedDocument> documents)
    {
        var names = new List<StoreName>();
        foreach (var document in documents)
        {
            names.Add(new StoreName(document.Name, IsFolder: false));
        }

        return names;
    }

    // Every document below the root, named by its key, in the order EnumerateKeys gives them.
    private List<NamedDocument> DescendantDocuments()
    {
        var documents = new List<NamedDocument>();
        for (var level = 0; level < Levels.Count; level++)
        {
            AddKeyed(documents, level.ToString(CultureInfo.InvariantCulture), Levels[level].Documents);
        }

        if (AssociatedNames.Count > 0)
        {
            AddKeyed(documents, AssociatedFolder, _associatedDocuments);
            foreach (var associated in AssociatedNames)
            {
                if (_associatedGroups.TryGetValue(associated, out var group))
                {
                    AddKeyed(documents, $"{AssociatedFolder}/{associated}", group);
                }

                AddKeyed(documents, AssociatedArrayFolder(associated), _associatedByName[associated].Documents);
            }
        }

        if (_series.Count > 0)
        {
            AddKeyed(documents, SeriesFolder, _seriesDocuments);
            foreach (var group in _series)
            {
                var folder = $"{SeriesFolder}/{group.Name}";
                AddKeyed(documents, folder, group.Documents);
                for (var level = 0; level < group.Levels.Count; level++)
                {
                    AddKeyed(documents, string.Create(CultureInfo.InvariantCulture, $"{folder}/{level}"), group.Levels[level].Documents);
                }
            }
        }

        // The OME-XML is no zarr metadata document: only the group's own documents are consolidated.
        AddKeyed(documents, OmeXmlDocument.Folder, _omeGroupDocuments);
        return documents;
    }

    private static void AddKeyed(List<NamedDocument> documents, string folder, IReadOnlyList<NamedDocument> inFolder)
    {
        foreach (var (name, document) in inFolder)
        {
            documents.Add(new NamedDocument($"{folder}/{name}", document));
        }
    }
}
