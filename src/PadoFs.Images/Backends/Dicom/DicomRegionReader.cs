using System.Buffers;
using PadoFs.Images.Backends.Chunks;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>Reads a region of a level from the frames it overlaps; what lies outside the pixel matrix is the background.</summary>
internal static class DicomRegionReader
{
    public static void Read(DicomLevelChunks source, long x, long y, int width, int height, Span<byte> destination)
    {
        const int pixelBytes = 3;
        var grid = source.Grid;
        var rowBytes = width * pixelBytes;
        destination[..(rowBytes * height)].Fill(DicomLevelChunks.Background);
        var left = Math.Max(x, 0);
        var top = Math.Max(y, 0);
        var right = Math.Min(x + width, grid.Width);
        var bottom = Math.Min(y + height, grid.Height);
        if (left >= right || top >= bottom)
        {
            return;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(grid.ChunkLength);
        try
        {
            for (var row = (int)(top / grid.ChunkHeight); row <= (int)((bottom - 1) / grid.ChunkHeight); row++)
            {
                for (var column = (int)(left / grid.ChunkWidth); column <= (int)((right - 1) / grid.ChunkWidth); column++)
                {
                    source.Decode(grid.Chunk(0, row, column), chunk);
                    CopyOverlap(grid, chunk, row, column, x, y, left, top, right, bottom, rowBytes, destination);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void CopyOverlap(ChunkGrid grid, byte[] chunk, int row, int column, long x, long y, long left, long top, long right, long bottom, int rowBytes, Span<byte> destination)
    {
        const int pixelBytes = 3;
        var chunkLeft = (long)column * grid.ChunkWidth;
        var chunkTop = (long)row * grid.ChunkHeight;
        var fromX = Math.Max(left, chunkLeft);
        var toX = Math.Min(right, chunkLeft + grid.ChunkWidth);
        var fromY = Math.Max(top, chunkTop);
        var toY = Math.Min(bottom, chunkTop + grid.ChunkHeight);
        var count = (int)(toX - fromX) * pixelBytes;
        for (var pixelY = fromY; pixelY < toY; pixelY++)
        {
            var sourceOffset = (int)((((pixelY - chunkTop) * grid.ChunkWidth) + (fromX - chunkLeft)) * pixelBytes);
            var targetOffset = (int)(((pixelY - y) * rowBytes) + ((fromX - x) * pixelBytes));
            chunk.AsSpan(sourceOffset, count).CopyTo(destination[targetOffset..]);
        }
    }
}
