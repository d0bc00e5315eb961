using PadoFs.Mount.Tree;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>
/// A file whose byte at offset i is <see cref="ByteAt"/>(i): no period shorter than 64 KiB, so a misplaced block
/// shows. Counts what FUSE asks of it.
/// </summary>
internal sealed class PatternFile(string name, long length, TimeSpan delayPerRead = default) : MountFile(name, TestTrees.Modified)
{
    private long _reads;
    private long _largestRead;

    public override long Length { get; } = length;

    public long Reads => Interlocked.Read(ref _reads);

    public long LargestRead => Interlocked.Read(ref _largestRead);

    public static byte ByteAt(long offset) => (byte)((offset * 7) ^ (offset >> 8) ^ (offset >> 16) * 31);

    public static byte[] Expected(long offset, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = ByteAt(offset + i);
        }

        return bytes;
    }

    public override int Read(long offset, Span<byte> destination)
    {
        Interlocked.Increment(ref _reads);
        var largest = Interlocked.Read(ref _largestRead);
        while (destination.Length > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largestRead, destination.Length, largest);
            if (seen == largest)
            {
                break;
            }

            largest = seen;
        }

        if (delayPerRead > TimeSpan.Zero)
        {
            Thread.Sleep(delayPerRead);
        }

        var count = (int)Math.Clamp(Length - offset, 0, destination.Length);
        for (var i = 0; i < count; i++)
        {
            destination[i] = ByteAt(offset + i);
        }

        return count;
    }
}
