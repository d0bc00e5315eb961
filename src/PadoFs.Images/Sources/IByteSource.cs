namespace PadoFs.Images.Sources;

/// <summary>
/// The bytes of one slide file wherever they live (a local file, an HTTP URL, an S3 object), read by position and
/// safe from many threads. A source is pinned to the version it found when opened: a read that finds the object
/// changed fails with <see cref="ByteSourceChangedException"/> instead of handing out bytes of another version.
/// </summary>
public interface IByteSource : IDisposable
{
    /// <summary>Where the bytes come from, as the user named it (a path or URL, never with credentials).</summary>
    string Name { get; }

    /// <summary>The length of the version the source opened.</summary>
    long Length { get; }

    /// <summary>Which object and which of its versions the bytes are: equal for equal content, different once it changed.</summary>
    ByteSourceVersion Version { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; returns how many bytes, fewer only at the end.</summary>
    /// <exception cref="ByteSourceChangedException">the object is no longer the version that was opened.</exception>
    /// <exception cref="IOException">the bytes cannot be read.</exception>
    int Read(Span<byte> destination, long offset);

    /// <summary>As <see cref="Read"/>, without blocking a thread on the transfer.</summary>
    ValueTask<int> ReadAsync(Memory<byte> destination, long offset, CancellationToken cancellationToken);
}
