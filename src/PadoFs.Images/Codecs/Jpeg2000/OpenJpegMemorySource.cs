using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// Bytes in memory as an OpenJPEG input stream: the state the stream's read, skip and seek callbacks get as user
/// data. The callbacks run inside OpenJPEG, so they never throw, and they report the end as OpenJPEG expects (-1, never
/// 0, which would make it retry forever).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OpenJpegMemorySource(byte* data, long length)
{
    private readonly byte* _data = data;
    private readonly long _length = length;
    private long _position;

    public static delegate* unmanaged<void*, nuint, void*, nuint> ReadCallback => &Read;

    public static delegate* unmanaged<long, void*, long> SkipCallback => &Skip;

    public static delegate* unmanaged<long, void*, int> SeekCallback => &Seek;

    [UnmanagedCallersOnly]
    private static nuint Read(void* buffer, nuint count, void* userData)
    {
        var source = (OpenJpegMemorySource*)userData;
        var available = source->_length - source->_position;
        if (available <= 0)
        {
            return nuint.MaxValue;
        }

        var copied = (long)Math.Min((ulong)available, count);
        Buffer.MemoryCopy(source->_data + source->_position, buffer, copied, copied);
        source->_position += copied;
        return (nuint)copied;
    }

    [UnmanagedCallersOnly]
    private static long Skip(long count, void* userData)
    {
        var source = (OpenJpegMemorySource*)userData;
        var available = source->_length - source->_position;
        if (count <= 0 || available <= 0)
        {
            return -1;
        }

        var skipped = Math.Min(count, available);
        source->_position += skipped;
        return skipped;
    }

    [UnmanagedCallersOnly]
    private static int Seek(long position, void* userData)
    {
        var source = (OpenJpegMemorySource*)userData;
        if (position < 0 || position > source->_length)
        {
            return 0;
        }

        source->_position = position;
        return 1;
    }
}
