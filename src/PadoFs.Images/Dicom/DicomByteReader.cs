using System.Buffers.Binary;

namespace PadoFs.Images.Dicom;

/// <summary>
/// Reads a file front to back through one buffer, little-endian, checking every read and skip against the file's
/// length, so that no length in the file can make it read past the end or allocate more than the file holds. Once a
/// skip has left the buffer behind (past a fragment of pixel data), reads take only the bytes asked for, so that
/// walking the fragments' item headers reads those headers and none of the pixel data between them.
/// </summary>
internal sealed class DicomByteReader(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _bufferPosition;
    private bool _skippedAhead;

    public long Length { get; } = stream.Length;

    public long Position => _bufferPosition + _start;

    public long Remaining => Length - Position;

    public ushort ReadUInt16()
    {
        Span<byte> value = stackalloc byte[2];
        ReadExactly(value);
        return BinaryPrimitives.ReadUInt16LittleEndian(value);
    }

    public uint ReadUInt32()
    {
        Span<byte> value = stackalloc byte[4];
        ReadExactly(value);
        return BinaryPrimitives.ReadUInt32LittleEndian(value);
    }

    /// <summary>Reads <paramref name="count"/> bytes into a new array; refused before allocating when the file is shorter.</summary>
    public byte[] ReadBytes(long count, string what)
    {
        Require(count, what);
        var value = new byte[count];
        ReadExactly(value);
        return value;
    }

    public void Skip(long count, string what)
    {
        Require(count, what);
        var buffered = Math.Min(count, _end - _start);
        _start += (int)buffered;
        if (buffered < count)
        {
            _bufferPosition = Position + (count - buffered);
            _start = _end = 0;
            stream.Position = _bufferPosition;
            _skippedAhead = true;
        }
    }

    /// <summary>Fails with a message naming <paramref name="what"/> unless <paramref name="count"/> more bytes are in the file.</summary>
    public void Require(long count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw new DicomFormatException($"{what}: {count} bytes at offset {Position}, but the file ends at {Length} (truncated or a bad length)");
        }
    }

    public void ReadExactly(Span<byte> destination)
    {
        Require(destination.Length, "a read");
        while (!destination.IsEmpty)
        {
            if (_start == _end)
            {
                Fill(_skippedAhead ? Math.Min(destination.Length, _buffer.Length) : _buffer.Length);
            }

            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(destination);
            _start += count;
            destination = destination[count..];
        }
    }

    public void Dispose() => stream.Dispose();

    private void Fill(int count)
    {
        _bufferPosition += _end;
        _start = _end = 0;
        var read = stream.Read(_buffer, 0, count);
        if (read <= 0)
        {
            throw new DicomFormatException($"the file ends at offset {_bufferPosition}, before its length of {Length} (it shrank while read)");
        }

        _end = read;
    }
}
