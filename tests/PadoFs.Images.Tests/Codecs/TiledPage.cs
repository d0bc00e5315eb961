namespace PadoFs.Images.Tests.Codecs;

/// <summary>A tiled TIFF page as tifffile reads it: geometry, tags the codecs need, and where each tile is stored.</summary>
internal sealed record TiledPage(
    string File,
    int Index,
    int Width,
    int Height,
    int TileWidth,
    int TileHeight,
    int Compression,
    int Photometric,
    int Samples,
    IReadOnlyList<long> Offsets,
    IReadOnlyList<long> ByteCounts,
    byte[]? JpegTables)
{
    public int TilesAcross => (Width + TileWidth - 1) / TileWidth;

    public int TilesDown => (Height + TileHeight - 1) / TileHeight;

    public int TileCount => TilesAcross * TilesDown;

    /// <summary>The stored bytes of tile <paramref name="index"/> (row-major), read straight from the file.</summary>
    public byte[] ReadTile(int index)
    {
        var bytes = new byte[ByteCounts[index]];
        using var handle = System.IO.File.OpenHandle(File);
        var read = RandomAccess.Read(handle, bytes, Offsets[index]);
        Assert.Equal(bytes.Length, read);
        return bytes;
    }
}
