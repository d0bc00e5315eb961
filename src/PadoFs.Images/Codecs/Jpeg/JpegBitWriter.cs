using System.Buffers;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Writes a JPEG stream into a buffer: marker segments as bytes, entropy-coded data as bits, most significant
/// first, stuffing a 00 after every FF byte and padding with one bits before a marker, as JPEG requires. The buffer
/// is rented from <see cref="ArrayPool{T}.Shared"/> and given back by <see cref="ReturnBuffer"/>.
/// </summary>
internal sealed class JpegBitWriter(byte[] buffer)
{
    private const byte MarkerPrefix = 0xFF;

    private int _bits;
    private int _bitCount;

    /// <summary>How many bytes have been written.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public void WriteBytes(params ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/> (at most 16).</summary>
    public void WriteBits(int value, int count)
    {
        _bits = (_bits << count) | (value & ((1 << count) - 1));
        _bitCount += count;
        while (_bitCount >= 8)
        {
            _bitCount -= 8;
            WriteDataByte((byte)(_bits >> _bitCount));
        }

        _bits &= (1 << _bitCount) - 1;
    }

    /// <summary>Pads the last byte of entropy-coded data with one bits and writes the standalone marker 0xFF<paramref name="marker"/>.</summary>
    public void WriteMarker(byte marker)
    {
        if (_bitCount > 0)
        {
            WriteBits(0x7F, 8 - _bitCount);
        }

        WriteBytes(MarkerPrefix, marker);
    }

    public void ReturnBuffer() => ArrayPool<byte>.Shared.Return(buffer);

    private void WriteDataByte(byte value)
    {
        buffer[Length++] = value;
        if (value == MarkerPrefix)
        {
            buffer[Length++] = 0x00;
        }
    }
}
