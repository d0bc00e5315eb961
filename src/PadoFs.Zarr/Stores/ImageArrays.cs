using System.Text.Json.Nodes;
using PadoFs.Images;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Geometry;
using PadoFs.Zarr.Caching;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Metadata;

namespace PadoFs.Zarr.Stores;

/// <summary>Builds the zarr arrays of an open image: its levels (by tile or whole) and its associated images.</summary>
internal static class ImageArrays
{
    /// <param name="firstLevel">
    /// the metadata of level 0 of the multiscale group the level belongs to, whose format may name the level's axes
    /// after the level; null for a level outside a group, and for level 0 itself.
    /// </param>
    /// <param name="series">the image of the file the level belongs to: 0 for the image itself, else an <see cref="ImageSeries.Index"/>.</param>
    public static ZarrArray Level(Image image, IImageLender lender, int level, ChunkMode mode, ZarrFormat format, ZarrLayout layout, int slide, IChunkCache cache, JsonObject? attributes, ZarrArrayMetadata? firstLevel, int series = 0)
    {
        if (mode == ChunkMode.Level && series != 0)
        {
            throw new NotSupportedException($"Series {series} is served by tile only: one chunk per stored tile.");
        }

        var grid = LevelsOf(image, series)[level].Grid;
        ArrayGeometry geometry;
        ChunkDecoder decode;
        if (mode == ChunkMode.Level && grid.PlaneCount == 1)
        {
            var width = checked((int)grid.Width);
            var height = checked((int)grid.Height);
            geometry = new ArrayGeometry(grid.WithTiles(height, width), layout, format.ChunkKeys(layout.Metadata));
            decode = (_, destination) =>
            {
                using var loan = ImageLoan.From(lender);
                loan.Image.GetArray(IntPoint.Origin, new IntSize(width, height), level, destination);
            };
        }
        else if (mode == ChunkMode.Level)
        {
            throw new NotSupportedException($"Level {level} has {grid.PlaneCount} planes over {grid.Axes}: only an image of one Y/X plane is served as one chunk.");
        }
        else
        {
            geometry = new ArrayGeometry(grid, layout, format.ChunkKeys(layout.Metadata));
            decode = (key, destination) =>
            {
                using var loan = ImageLoan.From(lender);
                loan.Image.ReadChunk(level, key.Chunk, destination, series);
            };
        }

        IReadOnlyList<string>? names = null;
        if (firstLevel is not null)
        {
            names = format.LevelDimensionNames(geometry.Metadata, firstLevel, level, layout.Metadata);
        }

        return new ZarrArray(new ArrayChunks(geometry, slide, SourceOf(image), ArrayIds.Level(level, mode, series), cache, decode), format, attributes, names);
    }

    public static ZarrArray Associated(Image image, IImageLender lender, string name, int index, ZarrFormat format, ZarrLayout layout, int slide, IChunkCache cache)
    {
        var (width, height) = image.GetAssociatedImageSize(name);
        var geometry = new ArrayGeometry(ChunkGrid.Planar(height, width, height, width, image.PixelFormat), layout, format.ChunkKeys(layout.Metadata));
        ChunkDecoder decode = (_, destination) =>
        {
            using var loan = ImageLoan.From(lender);
            loan.Image.GetAssociatedImage(name).Data.CopyTo(destination);
        };
        return new ZarrArray(new ArrayChunks(geometry, slide, SourceOf(image), ArrayIds.Associated(index), cache, decode), format);
    }

    /// <summary>The levels of series <paramref name="series"/> of the open image (0: its own).</summary>
    public static IReadOnlyList<ImageLevel> LevelsOf(Image image, int series)
    {
        if (series == 0)
        {
            return image.Levels;
        }

        foreach (var other in image.Series)
        {
            if (other.Index == series)
            {
                return other.Levels;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(series), series, $"{image} has no series {series}.");
    }

    private static long SourceOf(Image image) => image.OpenedSource?.Fingerprint ?? 0;
}
