using System.Reflection;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Dicom;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// Reads a DICOM whole-slide image (VL Whole Slide Microscopy) with our own DICOM reader: the instances of one
/// series in the opened file's folder, or in the opened folder (<see cref="DicomSeriesFiles"/>), the VOLUME
/// instances as levels (one level per pixel-matrix size, the instances of a concatenation together), sorted by
/// width, and the LABEL, OVERVIEW and THUMBNAIL instances as the associated images label, macro and thumbnail, as
/// OpenSlide 4 reads them. One chunk is one frame.
/// </summary>
public sealed class DicomBackend : ISlideBackend
{
    private static readonly Dictionary<string, string> s_associatedNames = new(StringComparer.Ordinal)
    {
        ["LABEL"] = "label",
        ["OVERVIEW"] = "macro",
        ["THUMBNAIL"] = "thumbnail",
    };

    private readonly List<DicomInstance> _instances;
    private readonly DicomLevelChunks[] _levels;
    private readonly Dictionary<string, DicomLevelChunks> _associated;
    private readonly string _path;

    private DicomBackend(string path, List<DicomInstance> instances)
    {
        _path = path;
        _instances = instances;
        var levels = new List<List<DicomInstance>>();
        _associated = new Dictionary<string, DicomLevelChunks>(StringComparer.Ordinal);
        var associatedUids = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            if (!seen.Add(instance.SopInstanceUid))
            {
                continue;
            }

            if (instance.Flavor == "VOLUME")
            {
                AddToLevel(levels, instance);
            }
            else if (s_associatedNames.TryGetValue(instance.Flavor, out var name))
            {
                if (instance.ConcatenationUid is not null)
                {
                    throw new DicomFormatException($"{instance.FileName}: an associated image ({instance.Flavor}) in a concatenation");
                }

                if (associatedUids.TryGetValue(name, out var other))
                {
                    throw new DicomFormatException($"{instance.FileName}: a second {instance.Flavor} image ({instance.SopInstanceUid}, the first is {other})");
                }

                associatedUids[name] = instance.SopInstanceUid;
                _associated[name] = new DicomLevelChunks([instance]);
            }
        }

        if (levels.Count == 0)
        {
            throw new DicomFormatException("the series has no VOLUME instance (no pyramid level)");
        }

        levels.Sort((a, b) => b[0].MatrixWidth.CompareTo(a[0].MatrixWidth));
        _levels = [.. levels.Select(CreateLevel)];
        var baseline = _levels[0].Grid;
        Levels = Array.ConvertAll(_levels, level => new SlideLevel(
            level.Grid.Width,
            level.Grid.Height,
            (((double)baseline.Width / level.Grid.Width) + ((double)baseline.Height / level.Grid.Height)) / 2,
            level.Grid.ChunkWidth,
            level.Grid.ChunkHeight));
        ChunkSources = _levels;
        AssociatedImageNames = [.. _associated.Keys.Order(StringComparer.Ordinal)];
        Properties = DicomSlideProperties.Read(levels[0][0].File);
    }

    public string Name => "dicom";

    public string Version { get; } =
        typeof(DicomBackend).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1";

    public IReadOnlyList<SlideLevel> Levels { get; }

    public IReadOnlyList<IChunkSource> ChunkSources { get; }

    public IReadOnlyDictionary<string, string> Properties { get; }

    public IReadOnlyList<SlideChannel> Channels => [];

    public IReadOnlyList<string> AssociatedImageNames { get; }

    public PixelFormat PixelFormat => PixelFormat.Rgb8;

    /// <summary>The files of the instances the slide reads, in the order of their names.</summary>
    public IReadOnlyList<string> InstancePaths { get; private init; } = [];

    /// <summary>
    /// Opens the slide <paramref name="path"/> names: a DICOM file and the instances of its series beside it, or a
    /// folder of the instances of one series.
    /// </summary>
    /// <exception cref="SlideFormatException">a file is broken or uses what this backend does not read; the message names the file and why.</exception>
    public static DicomBackend Open(string path)
    {
        var isFolder = Directory.Exists(path);
        IReadOnlyList<DicomFile> files;
        try
        {
            files = isFolder ? DicomSeriesFiles.InFolder(path) : DicomSeriesFiles.Gather(path);
        }
        catch (DicomFormatException error)
        {
            throw new SlideFormatException(path, $"{(isFolder ? "DICOM folder" : "broken DICOM file")}: {error.Message}", error);
        }

        var instances = new List<DicomInstance>();
        try
        {
            foreach (var file in files)
            {
                if (DicomInstance.FlavorOf(file) is "VOLUME" or "LABEL" or "OVERVIEW" or "THUMBNAIL")
                {
                    instances.Add(OpenInstance(file));
                }
            }

            return new DicomBackend(path, instances)
            {
                InstancePaths = [.. instances.Select(instance => instance.File.Path).Order(StringComparer.Ordinal)],
            };
        }
        catch (DicomFormatException error)
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }

            throw new SlideFormatException(path, $"DICOM: {error.Message}", error);
        }
        catch
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }

            throw;
        }
    }

    public void ReadRegion(int level, long x, long y, int width, int height, Span<byte> destination)
    {
        var (levelX, levelY) = RegionRequest.ToLevel(Levels, level, x, y, width, height, PixelFormat.BytesPerPixel, destination.Length);
        Read(_levels[level], $"level {level}", levelX, levelY, width, height, destination);
    }

    public (int Width, int Height) GetAssociatedImageSize(string name) =>
        _associated.TryGetValue(name, out var image)
            ? (checked((int)image.Grid.Width), checked((int)image.Grid.Height))
            : throw RegionRequest.NoAssociatedImage(name);

    public PixelArray ReadAssociatedImage(string name)
    {
        if (!_associated.TryGetValue(name, out var image))
        {
            throw RegionRequest.NoAssociatedImage(name);
        }

        var pixels = new PixelArray(checked((int)image.Grid.Height), checked((int)image.Grid.Width), PixelFormat);
        Read(image, $"associated image '{name}'", 0, 0, pixels.Width, pixels.Height, pixels.Data);
        return pixels;
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }

    private static DicomInstance OpenInstance(DicomFile file)
    {
        try
        {
            return DicomInstance.Open(file);
        }
        catch (DicomFormatException error)
        {
            throw new DicomFormatException($"{Path.GetFileName(file.Path)}: {error.Message}", error);
        }
    }

    // Instances of one pixel-matrix size are one level: a single instance, or the members of one concatenation.
    private static void AddToLevel(List<List<DicomInstance>> levels, DicomInstance instance)
    {
        foreach (var level in levels)
        {
            var first = level[0];
            if (first.MatrixWidth != instance.MatrixWidth || first.MatrixHeight != instance.MatrixHeight)
            {
                continue;
            }

            if (first.ConcatenationUid is null || !string.Equals(first.ConcatenationUid, instance.ConcatenationUid, StringComparison.Ordinal))
            {
                throw new DicomFormatException($"{instance.FileName} and {first.FileName} are both a level of {instance.MatrixWidth} x {instance.MatrixHeight} pixels but not one concatenation");
            }

            level.Add(instance);
            return;
        }

        levels.Add([instance]);
    }

    private static DicomLevelChunks CreateLevel(List<DicomInstance> instances)
    {
        instances.Sort((a, b) => a.InConcatenationNumber.CompareTo(b.InConcatenationNumber));
        var first = instances[0];
        if (first.ConcatenationUid is not null && instances.Count == 1)
        {
            throw new DicomFormatException($"{first.FileName}: only one instance of concatenation {first.ConcatenationUid}");
        }

        var total = first.File.Dataset.GetInteger(DicomTags.InConcatenationTotalNumber);
        if (instances.Count > 1 && total is { } expected && expected != instances.Count)
        {
            throw new DicomFormatException($"concatenation {first.ConcatenationUid} has {instances.Count} instances here, InConcatenationTotalNumber says {expected}");
        }

        for (var i = 1; i < instances.Count; i++)
        {
            var instance = instances[i];
            if (instance.InConcatenationNumber == instances[i - 1].InConcatenationNumber)
            {
                throw new DicomFormatException($"{instance.FileName} and {instances[i - 1].FileName} are both number {instance.InConcatenationNumber} of concatenation {first.ConcatenationUid}");
            }

            if (instance.Decoder.Width != first.Decoder.Width || instance.Decoder.Height != first.Decoder.Height)
            {
                throw new DicomFormatException($"{instance.FileName} has {instance.Decoder.Width} x {instance.Decoder.Height} frames, {first.FileName} of the same concatenation {first.Decoder.Width} x {first.Decoder.Height}");
            }
        }

        return new DicomLevelChunks(instances);
    }

    private void Read(DicomLevelChunks source, string what, long x, long y, int width, int height, Span<byte> destination)
    {
        try
        {
            DicomRegionReader.Read(source, x, y, width, height, destination);
        }
        catch (Exception error) when (error is InvalidDataException or IOException)
        {
            throw new SlideReadException(_path, $"{what}: {error.Message}", error);
        }
    }
}
