using System.Buffers;
using System.Collections.Concurrent;

namespace PadoFs.Images.Sources;

/// <summary>
/// What every remote object source shares: reads shorter than a block are served from whole aligned blocks through
/// the shared <see cref="ByteBlockCache"/> (one request for the many small IFD reads, and for neighbouring small
/// tiles), a block wanted by many readers at once is fetched once, and longer reads go out as one ranged request.
/// Subclasses send the ranged requests, checking the object's version on each.
/// </summary>
public abstract class RemoteObjectSource : IByteSource
{
    private readonly ByteBlockCache _blocks;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]>> _fetching = new();
    private long _requests;
    private long _bytesFetched;

    protected RemoteObjectSource(string name, long length, ByteSourceVersion version, RemoteReadOptions options, ByteBlockCache? blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSize, 512);
        Name = name;
        Length = length;
        Version = version;
        Options = options;
        _blocks = blocks ?? ByteBlockCache.Shared;
        Fingerprint = version.Fingerprint;
    }

    public string Name { get; }

    public long Length { get; }

    public ByteSourceVersion Version { get; }

    public RemoteReadOptions Options { get; }

    /// <summary>Ranged requests this source sent (retries included) since it was opened.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Bytes the server sent this source's ranged requests, block reads included.</summary>
    public long BytesFetched => Interlocked.Read(ref _bytesFetched);

    private long Fingerprint { get; }

    public int Read(Span<byte> destination, long offset)
    {
        var count = Clamp(destination.Length, offset);
        if (count == 0)
        {
            return 0;
        }

        if (count >= Options.BlockSize)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(count);
            try
            {
                var fetched = CompletedValueTask.ResultOf(FetchCounted(buffer.AsMemory(0, count), offset, sync: true, CancellationToken.None));
                buffer.AsSpan(0, fetched).CopyTo(destination);
                return fetched;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var done = 0;
        while (done < count)
        {
            var position = offset + done;
            var block = CompletedValueTask.ResultOf(Block(position / Options.BlockSize, sync: true, CancellationToken.None));
            done += CopyFromBlock(block, position, destination[done..count]);
        }

        return done;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> destination, long offset, CancellationToken cancellationToken)
    {
        var count = Clamp(destination.Length, offset);
        if (count == 0)
        {
            return 0;
        }

        if (count >= Options.BlockSize)
        {
            return await FetchCounted(destination[..count], offset, sync: false, cancellationToken).ConfigureAwait(false);
        }

        var done = 0;
        while (done < count)
        {
            var position = offset + done;
            var block = await Block(position / Options.BlockSize, sync: false, cancellationToken).ConfigureAwait(false);
            done += CopyFromBlock(block, position, destination.Span[done..count]);
        }

        return done;
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Sends one ranged request for <paramref name="destination"/>.Length bytes from <paramref name="offset"/> (inside
    /// the object) and fills it; completes synchronously, blocking, when <paramref name="sync"/> is set.
    /// </summary>
    /// <exception cref="ByteSourceChangedException">the object is no longer the version that was opened.</exception>
    /// <exception cref="IOException">the request failed for good.</exception>
    protected abstract ValueTask FetchAsync(Memory<byte> destination, long offset, bool sync, CancellationToken cancellationToken);

    /// <summary>Counts one request sent, for <see cref="Requests"/>.</summary>
    protected void CountRequest() => Interlocked.Increment(ref _requests);

    private int Clamp(int wanted, long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return offset >= Length ? 0 : (int)Math.Min(wanted, Length - offset);
    }

    private async ValueTask<int> FetchCounted(Memory<byte> destination, long offset, bool sync, CancellationToken cancellationToken)
    {
        await FetchAsync(destination, offset, sync, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _bytesFetched, destination.Length);
        return destination.Length;
    }

    private int CopyFromBlock(byte[] block, long position, Span<byte> destination)
    {
        var within = (int)(position % Options.BlockSize);
        var count = Math.Min(block.Length - within, destination.Length);
        block.AsSpan(within, count).CopyTo(destination);
        return count;
    }

    private async ValueTask<byte[]> Block(long index, bool sync, CancellationToken cancellationToken)
    {
        var key = new BlockKey(Fingerprint, index);
        if (_blocks.TryGet(key, out var cached))
        {
            return cached;
        }

        var mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetching = _fetching.GetOrAdd(index, mine);
        if (fetching != mine)
        {
            // Another reader fetches this block now: waiting for its request costs less than sending a second one.
            return sync ? fetching.Task.GetAwaiter().GetResult() : await fetching.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var start = index * Options.BlockSize;
            var block = new byte[(int)Math.Min(Options.BlockSize, Length - start)];
            await FetchCounted(block, start, sync, cancellationToken).ConfigureAwait(false);
            _blocks.Add(key, block);
            mine.SetResult(block);
            return block;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _fetching.TryRemove(new KeyValuePair<long, TaskCompletionSource<byte[]>>(index, mine));
        }
    }
}
