namespace PadoFs.Images.Codecs;

/// <summary>Turns one stored chunk (a tile or strip) back into its raw bytes. Implementations keep no state between calls.</summary>
public interface IChunkDecoder
{
    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/> and returns how many bytes were written.
    /// Output beyond the destination is dropped: a chunk never holds more than its grid cell.
    /// </summary>
    /// <exception cref="InvalidDataException">the data is corrupt.</exception>
    int Decode(ReadOnlySpan<byte> source, Span<byte> destination);
}
