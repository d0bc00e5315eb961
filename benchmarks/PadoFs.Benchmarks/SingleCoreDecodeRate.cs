using System.Diagnostics;
using System.Globalization;
using PadoFs.Images;

namespace PadoFs.Benchmarks;

/// <summary>
/// The reference for a cold read through a mount: every chunk of one level decoded once, on one thread, by the same
/// decoder the mount uses, in process. Prints JSON: level size, decoded bytes, seconds, MB/s.
/// </summary>
internal static class SingleCoreDecodeRate
{
    public const string Command = "decode-rate";

    public static void Run(string slide, int level)
    {
        using var image = new Image(slide).Open();
        var grid = image.Levels[level];
        var chunk = new byte[grid.ChunkWidth * grid.ChunkHeight * image.PixelFormat.BytesPerPixel];

        // One row first, so that the figure is the decoder's and not the JIT's.
        for (var column = 0; column < grid.ChunkColumns; column++)
        {
            image.ReadChunk(level, 0, column, chunk);
        }

        var started = Stopwatch.GetTimestamp();
        for (var row = 0; row < grid.ChunkRows; row++)
        {
            for (var column = 0; column < grid.ChunkColumns; column++)
            {
                image.ReadChunk(level, row, column, chunk);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = (long)grid.ChunkRows * grid.ChunkColumns * chunk.Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"width\": {grid.Width}, \"height\": {grid.Height}, \"bytes\": {bytes}, \"seconds\": {seconds:F3}, \"mb_per_s\": {bytes / seconds / 1e6:F1}}}"));
    }
}
