using System.Reflection;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// Reads TIFF files with our own structure reader and decoders: the fallback for TIFFs OpenSlide cannot open,
/// read the way pado reads them through tifffile. The levels are those of the file's first series; pixels are
/// handed out as stored (no colour conversion), 8 or 16 bit, any number of samples.
/// </summary>
public sealed class TiffBackend : ISlideBackend
{
    /// <summary>The most series after the first that one file serves; a plate of 384 wells with a few fields each fits.</summary>
    public const int MaxOtherSeries = 4096;

    private static readonly Dictionary<string, string> s_associatedSeries = new(StringComparer.Ordinal)
    {
        ["Thumbnail"] = "thumbnail",
        ["Label"] = "label",
        ["Macro"] = "macro",
    };

    private readonly TiffFile _file;
    private readonly bool _ownsFile;
    private readonly TiffPageDecoder[] _levels;
    private readonly Dictionary<string, TiffPageDecoder> _associated;

    private TiffBackend(TiffFile file, bool ownsFile)
    {
        _file = file;
        _ownsFile = ownsFile;
        if (file.Series.Count == 0)
        {
            throw new SlideFormatException(file.Path, "the TIFF file has no image");
        }

        var first = TiffSeriesLevels.Open(file, file.Series[0], prefix: string.Empty);
        Series = first.Series;
        _levels = [.. first.Decoders];
        PixelFormat = first.PixelFormat;
        Levels = first.Levels;
        ChunkSources = first.ChunkSources;

        _associated = new Dictionary<string, TiffPageDecoder>(StringComparer.Ordinal);
        foreach (var series in file.Series.Skip(1))
        {
            // Only images this backend can decode are offered, the others would fail on every read; and only those of
            // the slide's pixel format, which associated images are served in (a qptiff's RGB thumbnail beside its
            // single-channel pages is served as a series of its own instead).
            if (s_associatedSeries.TryGetValue(series.Name, out var name) && TiffPageDecoder.TryCreate(file, series.Levels[0], out _) is { } decoder
                && decoder.Format == PixelFormat)
            {
                _associated.TryAdd(name, decoder);
            }
        }

        AssociatedImageNames = [.. _associated.Keys];
        OtherSeries = ReadableOtherSeries(file);
        Channels = first.Channels;
        Properties = TiffSlideProperties.Read(file, Series.Ome);
    }

    public string Name => "tiff";

    public string Version { get; } =
        typeof(TiffBackend).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1";

    public IReadOnlyList<SlideLevel> Levels { get; }

    public IReadOnlyList<IChunkSource> ChunkSources { get; }

    public IReadOnlyDictionary<string, string> Properties { get; }

    public IReadOnlyList<string> AssociatedImageNames { get; }

    public IReadOnlyList<SlideChannel> Channels { get; }

    /// <summary>
    /// The file's series after the first that our reader decodes, numbered as tifffile numbers them, but those served
    /// as associated images (an SVS file's thumbnail, label and macro).
    /// </summary>
    public IReadOnlyList<SlideSeries> OtherSeries { get; }

    public PixelFormat PixelFormat { get; }

    /// <summary>The series whose levels this backend reads; its pages give the chunk grid and stored sizes per level.</summary>
    public TiffSeries Series { get; }

    /// <summary>Opens <paramref name="path"/> if it is a TIFF whose first series this backend decodes.</summary>
    /// <exception cref="SlideNotFoundException">nothing exists at the path.</exception>
    /// <exception cref="SlideFormatException">the file is not a TIFF, is broken, or uses what this backend does not decode.</exception>
    public static TiffBackend Open(string path)
    {
        TiffFile file;
        try
        {
            file = TiffFile.Open(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SlideNotFoundException(path, error);
        }
        catch (TiffFormatException error)
        {
            throw new SlideFormatException(path, error.Message, error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SlideFormatException(path, $"cannot read the file: {error.Message}", error);
        }

        try
        {
            return Create(file, ownsFile: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a region of a level. Pixels outside the level are 0: a TIFF has no background colour, and 0 is what
    /// tifffile and the zarr arrays of a level (fill value 0) give there too.
    /// </summary>
    public void ReadRegion(int level, long x, long y, int width, int height, Span<byte> destination)
    {
        var (levelX, levelY) = RegionRequest.ToLevel(Levels, level, x, y, width, height, PixelFormat.BytesPerPixel, destination.Length);
        Read(_levels[level], $"level {level}", levelX, levelY, width, height, destination);
    }

    public (int Width, int Height) GetAssociatedImageSize(string name) =>
        _associated.TryGetValue(name, out var decoder)
            ? (checked((int)decoder.Page.Width), checked((int)decoder.Page.Height))
            : throw RegionRequest.NoAssociatedImage(name);

    public PixelArray ReadAssociatedImage(string name)
    {
        if (!_associated.TryGetValue(name, out var decoder))
        {
            throw RegionRequest.NoAssociatedImage(name);
        }

        var pixels = new PixelArray(checked((int)decoder.Page.Height), checked((int)decoder.Page.Width), decoder.Format);
        Read(decoder, $"associated image '{name}'", 0, 0, pixels.Width, pixels.Height, pixels.Data);
        return pixels;
    }

    /// <summary>A backend over a file its caller has open already and keeps, so the file is read and parsed once.</summary>
    /// <exception cref="SlideFormatException">the file's first series uses what this backend does not decode.</exception>
    internal static TiffBackend Over(TiffFile file) => Create(file, ownsFile: false);

    public void Dispose()
    {
        if (_ownsFile)
        {
            _file.Dispose();
        }
    }

    // Tag values too large to load with the directories are read now, and may turn out to lie outside the file.
    private static TiffBackend Create(TiffFile file, bool ownsFile)
    {
        try
        {
            return new TiffBackend(file, ownsFile);
        }
        catch (TiffFormatException e)
        {
            throw new SlideFormatException(file.Path, e.Message, e);
        }
    }

    // A series our reader cannot decode is left out, as an associated image is: it would fail on every read. So are
    // those beyond MaxOtherSeries: a file of a million unlike pages is a million series, each a tree of documents.
    private SlideSeries[] ReadableOtherSeries(TiffFile file)
    {
        var series = new List<SlideSeries>();
        for (var index = 1; index < file.Series.Count && series.Count < MaxOtherSeries; index++)
        {
            var candidate = file.Series[index];
            if (s_associatedSeries.TryGetValue(candidate.Name, out var associated) && _associated.ContainsKey(associated))
            {
                continue;
            }

            TiffSeriesLevels levels;
            try
            {
                levels = TiffSeriesLevels.Open(file, candidate, $"series {index} ");
            }
            catch (Exception e) when (e is SlideFormatException or TiffFormatException)
            {
                continue;
            }

            var ome = candidate.Ome;
            series.Add(new SlideSeries(index, candidate.Name, levels.Levels, levels.ChunkSources, levels.Channels, ome?.PhysicalSizeX, ome?.PhysicalSizeY));
        }

        return [.. series];
    }

    private void Read(TiffPageDecoder decoder, string what, long x, long y, int width, int height, Span<byte> destination)
    {
        try
        {
            decoder.ReadRegion(x, y, width, height, destination);
        }
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            throw new SlideReadException(_file.Path, $"{what}: {error.Message}", error);
        }
    }
}
