namespace PadoFs.Zarr.Caching;

/// <summary>Decodes the chunk <paramref name="key"/> into <paramref name="destination"/>, which it fills completely.</summary>
public delegate void ChunkDecoder(ChunkKey key, Span<byte> destination);
