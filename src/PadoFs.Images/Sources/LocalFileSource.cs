using System.Globalization;
using Microsoft.Win32.SafeHandles;
using PadoFs.Images.Files;

namespace PadoFs.Images.Sources;

/// <summary>A file of this machine, read with positional reads on one shared handle.</summary>
public sealed class LocalFileSource : IByteSource
{
    private readonly SafeFileHandle _handle;

    private LocalFileSource(string path, SafeFileHandle handle, FileIdentity identity)
    {
        Name = path;
        _handle = handle;
        Length = RandomAccess.GetLength(handle);
        Version = VersionOf(path, identity);
    }

    public string Name { get; }

    public long Length { get; }

    public ByteSourceVersion Version { get; }

    /// <summary>The version of the local file at <paramref name="path"/> whose stat gave <paramref name="identity"/>.</summary>
    public static ByteSourceVersion VersionOf(string path, FileIdentity identity) =>
        new(Path.GetFullPath(path), string.Create(CultureInfo.InvariantCulture, $"{identity.Device}:{identity.Inode}:{identity.Size}:{identity.ModifiedNanoseconds}"));

    /// <summary>Opens <paramref name="path"/> for shared reading.</summary>
    /// <exception cref="FileNotFoundException">nothing is at the path.</exception>
    /// <exception cref="UnauthorizedAccessException">this process may not read it.</exception>
    /// <exception cref="IOException">it cannot be opened otherwise.</exception>
    public static LocalFileSource Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            return new LocalFileSource(path, handle, LocalFileStatus.Of(path).Identity);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public int Read(Span<byte> destination, long offset)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var read = RandomAccess.Read(_handle, destination[done..], offset + done);
            if (read == 0)
            {
                break;
            }

            done += read;
        }

        return done;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> destination, long offset, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, destination[done..], offset + done, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            done += read;
        }

        return done;
    }

    public void Dispose() => _handle.Dispose();
}
