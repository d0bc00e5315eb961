using System.Globalization;
using System.Text.Json;
using PadoFs.Images;
using PadoFs.Images.Pixels;
using PadoFs.Images.Records;
using PadoFs.Zarr.Stores;

namespace PadoFs.Cli.Inspection;

/// <summary>Everything <c>padofs inspect</c> reports about an open slide, as text or as one JSON object.</summary>
internal sealed class SlideInspection
{
    private SlideInspection(Image image)
    {
        Urlpath = image.Urlpath;
        Backend = image.PadoInfo.PadoImageBackend;
        BackendVersion = image.PadoInfo.PadoImageBackendVersion;
        Metadata = image.Metadata;
        PixelFormat = image.PixelFormat;
        Properties = new SortedDictionary<string, string>(image.Properties.ToDictionary(), StringComparer.Ordinal);
        AssociatedImages = image.AssociatedImageNames;
        Levels = image.Levels.Select(level => Inspect(image, 0, level)).ToList();
        Series = image.Series.Select(series => new SeriesInspection(
            series.Index,
            series.Name,
            series.Index == 0 ? string.Empty : $"{SlideStore.SeriesFolder}/{series.Index}",
            series.PixelFormat,
            series.Index == 0 ? Levels : series.Levels.Select(level => Inspect(image, series.Index, level)).ToList())).ToList();
    }

    public string Urlpath { get; }

    public string Backend { get; }

    public string BackendVersion { get; }

    public ImageMetadata Metadata { get; }

    public PixelFormat PixelFormat { get; }

    public SortedDictionary<string, string> Properties { get; }

    public IReadOnlyList<string> AssociatedImages { get; }

    public IReadOnlyList<LevelInspection> Levels { get; }

    /// <summary>Every image of the file served: series 0 (the slide's own levels) first, then those under <c>series/</c>.</summary>
    public IReadOnlyList<SeriesInspection> Series { get; }

    public static SlideInspection Of(Image image) => new(image);

    public void WriteJson(Stream output)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("urlpath", Urlpath);
            writer.WriteString("backend", Backend);
            writer.WriteString("backend_version", BackendVersion);
            writer.WriteString("vendor", Metadata.Vendor);
            writer.WriteNumberOrNull("mpp_x", Metadata.MppX);
            writer.WriteNumberOrNull("mpp_y", Metadata.MppY);
            writer.WriteNumber("width", Metadata.Width);
            writer.WriteNumber("height", Metadata.Height);
            writer.WriteNumber("samples", PixelFormat.Samples);
            writer.WriteString("dtype", PixelFormat.NumpyDType);
            writer.WriteStartObject("properties");
            foreach (var (key, value) in Properties)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("associated_images");
            foreach (var name in AssociatedImages)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            WriteLevels(writer, Levels);
            writer.WriteStartArray("series");
            foreach (var series in Series)
            {
                writer.WriteStartObject();
                writer.WriteNumber("series", series.Index);
                writer.WriteString("name", series.Name);
                writer.WriteString("folder", series.Folder);
                writer.WriteNumber("samples", series.PixelFormat.Samples);
                writer.WriteString("dtype", series.PixelFormat.NumpyDType);
                WriteLevels(writer, series.Levels);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteLevels(Utf8JsonWriter writer, IReadOnlyList<LevelInspection> levels)
    {
        writer.WriteStartArray("levels");
        foreach (var level in levels)
        {
            writer.WriteStartObject();
            writer.WriteNumber("level", level.Level);
            writer.WriteString("axes", level.Axes);
            writer.WriteStartArray("shape");
            foreach (var size in level.Shape)
            {
                writer.WriteNumberValue(size);
            }

            writer.WriteEndArray();
            writer.WriteNumber("width", level.Width);
            writer.WriteNumber("height", level.Height);
            writer.WriteNumber("downsample", level.Downsample);
            writer.WriteNumber("tile_width", level.TileWidth);
            writer.WriteNumber("tile_height", level.TileHeight);
            writer.WriteNumber("chunk_rows", level.ChunkRows);
            writer.WriteNumber("chunk_cols", level.ChunkColumns);
            writer.WriteNumberOrNull("stored_bytes", level.StoredBytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public void WriteText(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(Urlpath);
        output.WriteLine(string.Create(culture, $"  backend   {Backend} {BackendVersion}"));
        output.WriteLine(string.Create(culture, $"  vendor    {Metadata.Vendor ?? "(none)"}"));
        output.WriteLine(string.Create(culture, $"  size      {Metadata.Width} x {Metadata.Height}, {PixelFormat.Samples} x {PixelFormat.NumpyDType}"));
        output.WriteLine(Metadata.MppX is { } x && Metadata.MppY is { } y
            ? string.Create(culture, $"  mpp       {x} x {y} µm")
            : "  mpp       unknown (no resolution in the file)");
        output.WriteLine(string.Create(culture, $"  associated images: {(AssociatedImages.Count == 0 ? "(none)" : string.Join(", ", AssociatedImages))}"));
        output.WriteLine("  levels:");
        WriteLevelRows(output, Levels);
        output.WriteLine(Series.Count == 1 ? "  series:   0 only (the image)" : string.Create(culture, $"  series:   0 (the image) and {Series.Count - 1} more:"));
        foreach (var series in Series.Skip(1))
        {
            var name = series.Name.Length == 0 ? string.Empty : $" '{series.Name}'";
            output.WriteLine(string.Create(culture, $"  series {series.Index}{name} in {series.Folder}/, {series.PixelFormat.Samples} x {series.PixelFormat.NumpyDType}:"));
            WriteLevelRows(output, series.Levels);
        }

        output.WriteLine(string.Create(culture, $"  properties ({Properties.Count}):"));
        foreach (var (key, value) in Properties)
        {
            // A value may hold line breaks (an Aperio description in a DICOM comment): each property stays one line.
            output.WriteLine(string.Create(culture, $"    {key} = {value.ReplaceLineEndings("\\n")}"));
        }
    }

    private static void WriteLevelRows(TextWriter output, IReadOnlyList<LevelInspection> levels)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine("    level      width     height  downsample      tile      chunks  stored bytes  axes  shape");
        foreach (var level in levels)
        {
            output.WriteLine(string.Create(culture,
                $"    {level.Level,5} {level.Width,10} {level.Height,10} {level.Downsample,11:0.####} {level.TileWidth,5}x{level.TileHeight,-5} {level.ChunkRows,5}x{level.ChunkColumns,-5} {(level.StoredBytes is { } stored ? stored.ToString(culture) : "unknown"),13}  {level.Axes,-4}  ({string.Join(", ", level.Shape)})"));
        }
    }

    private static LevelInspection Inspect(Image image, int series, ImageLevel level)
    {
        long? stored = 0;
        for (var plane = 0; plane < level.Grid.PlaneCount; plane++)
        {
            foreach (var size in image.GetChunkSizes(level.Index, plane, series))
            {
                stored = size < 0 || stored is null ? null : stored + size;
            }
        }

        return new LevelInspection(level.Index, level.Grid.Axes, level.Grid.Shape.ToArray(), level.Width, level.Height, level.Downsample, level.ChunkWidth, level.ChunkHeight, level.ChunkRows, level.ChunkColumns, stored);
    }
}
