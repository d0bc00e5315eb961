using Xunit.Sdk;

namespace PadoFs.Images.Tests.Codecs;

/// <summary>A whole level as OpenSlide returns it: rows of RGB pixels.</summary>
internal sealed record LevelPixels(string Vendor, int Width, int Height, byte[] Rgb)
{
    /// <summary>
    /// Asserts that a decoded tile (TileWidth x TileHeight pixels of <paramref name="samples"/> bytes; gray compares
    /// with each of R, G and B) equals the level over the part of the tile that lies inside the level.
    /// </summary>
    public void AssertTileEquals(TiledPage page, int tile, ReadOnlySpan<byte> decoded, int samples)
    {
        var column = tile % page.TilesAcross;
        var row = tile / page.TilesAcross;
        var left = column * page.TileWidth;
        var top = row * page.TileHeight;
        var width = Math.Min(page.TileWidth, Width - left);
        var height = Math.Min(page.TileHeight, Height - top);
        for (var y = 0; y < height; y++)
        {
            var actual = decoded.Slice(y * page.TileWidth * samples, width * samples);
            var expected = Rgb.AsSpan((((top + y) * Width) + left) * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    var got = actual[(x * samples) + (samples == 1 ? 0 : channel)];
                    if (got != expected[(x * 3) + channel])
                    {
                        throw new XunitException(
                            $"{Path.GetFileName(page.File)} page {page.Index} tile {tile} (column {column}, row {row}): pixel ({x}, {y}) " +
                            $"channel {channel} is {got}, OpenSlide has {expected[(x * 3) + channel]}.");
                    }
                }
            }
        }
    }
}
