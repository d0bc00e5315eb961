using System.Buffers;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Reads a rectangle of one level with exactly the pixels a read of the whole level from (0, 0) gives there, also
/// at a level whose downsample is not an integer.
/// </summary>
/// <remarks>
/// OpenSlide places a read at the level coordinate <c>x / downsample</c> of its level-0 origin <c>x</c>; unless that
/// is an integer, cairo resamples every tile it paints (its default filter, a box in 256 phases, weighs in a pixel's
/// right and lower neighbours by 1/512 each even at a shift below 1/256 pixel, which changes values next to an
/// edge), and only an exactly integer shift copies the tile. A whole-level read
/// is one such read per <see cref="RegionPlan.CellSize"/> cell of level pixels, from the level-0 origin
/// <c>(long)(cell * CellSize * downsample)</c>, so its tiles land at the same fractional shift as a read from that
/// cell's origin does. The rectangle is therefore read cell by cell, each from its cell's origin: up to a whole cell
/// (4096 x 4096 level pixels) of reading for one rectangle near a cell's far corner, so only where an integer
/// downsample does not make the rectangle's own origin exact.
/// </remarks>
internal static class OpenSlideLevelCells
{
    public static void Read(OpenSlideBackend backend, int level, long left, long top, int width, int height, Span<byte> destination)
    {
        var downsample = backend.Levels[level].Downsample;
        if (downsample == Math.Floor(downsample))
        {
            // The rectangle's own origin then lies on a whole level pixel, as every cell's does.
            backend.ReadRegion(level, (long)(left * downsample), (long)(top * downsample), width, height, destination);
            return;
        }

        var bytesPerPixel = backend.PixelFormat.BytesPerPixel;
        var rowBytes = width * bytesPerPixel;
        for (var cellTop = top / RegionPlan.CellSize * RegionPlan.CellSize; cellTop < top + height; cellTop += RegionPlan.CellSize)
        {
            for (var cellLeft = left / RegionPlan.CellSize * RegionPlan.CellSize; cellLeft < left + width; cellLeft += RegionPlan.CellSize)
            {
                var right = Math.Min(left + width, cellLeft + RegionPlan.CellSize);
                var bottom = Math.Min(top + height, cellTop + RegionPlan.CellSize);
                var (readWidth, readHeight) = ((int)(right - cellLeft), (int)(bottom - cellTop));
                var readRowBytes = readWidth * bytesPerPixel;
                var scratch = ArrayPool<byte>.Shared.Rent(readRowBytes * readHeight);
                try
                {
                    backend.ReadRegion(level, (long)(cellLeft * downsample), (long)(cellTop * downsample), readWidth, readHeight, scratch);
                    var (fromLeft, fromTop) = (Math.Max(left, cellLeft), Math.Max(top, cellTop));
                    var copyBytes = (int)(right - fromLeft) * bytesPerPixel;
                    for (var row = fromTop; row < bottom; row++)
                    {
                        var source = scratch.AsSpan((int)(((row - cellTop) * readRowBytes) + ((fromLeft - cellLeft) * bytesPerPixel)), copyBytes);
                        source.CopyTo(destination[(int)(((row - top) * rowBytes) + ((fromLeft - left) * bytesPerPixel))..]);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(scratch);
                }
            }
        }
    }
}
