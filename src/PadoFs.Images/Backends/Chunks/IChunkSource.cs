namespace PadoFs.Images.Backends.Chunks;

/// <summary>
/// One image of a slide (a pyramid level) as a backend stores it: its chunk grid, and per chunk the bytes stored for
/// it and its decoded pixels. Safe to use from many threads at once.
/// </summary>
public interface IChunkSource
{
    ChunkGrid Grid { get; }

    /// <summary>
    /// The bytes the file stores for <paramref name="chunk"/> (a TIFF tile or strip, its samples' planes summed):
    /// 0 for a chunk the file leaves out, -1 where the format does not say.
    /// </summary>
    long StoredByteCount(in ChunkCoordinates chunk);

    /// <summary>
    /// Copies the bytes the file stores for <paramref name="chunk"/>, still encoded, into <paramref name="destination"/>
    /// (at least <see cref="StoredByteCount"/> long); returns how many, or -1 where the format does not keep chunks.
    /// </summary>
    /// <exception cref="InvalidDataException">the stored bytes lie outside the file.</exception>
    int ReadStoredBytes(in ChunkCoordinates chunk, Span<byte> destination);

    /// <summary>
    /// Decodes <paramref name="chunk"/> into <paramref name="destination"/>, <see cref="ChunkGrid.ChunkLength"/> bytes,
    /// C order over the grid's chunk shape, little-endian; the part of an edge chunk outside the image is 0 (TIFF)
    /// or the slide's background.
    /// </summary>
    /// <exception cref="InvalidDataException">the chunk does not decode.</exception>
    /// <exception cref="IOException">the file cannot be read.</exception>
    /// <exception cref="Errors.SlideReadException">the library behind the backend failed.</exception>
    void Decode(in ChunkCoordinates chunk, Span<byte> destination);
}
