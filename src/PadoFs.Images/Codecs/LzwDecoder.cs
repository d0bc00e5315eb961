namespace PadoFs.Images.Codecs;

/// <summary>
/// TIFF's LZW (compression 5): codes of 9 to 12 bits, most significant bit first, Clear 256, EndOfInformation 257,
/// and the code width growing one code early, as TIFF 6 specifies.
/// </summary>
public sealed class LzwDecoder : IChunkDecoder
{
    private const int ClearCode = 256;
    private const int EndCode = 257;
    private const int FirstFreeCode = 258;
    private const int TableSize = 4096;
    private const int MinWidth = 9;
    private const int MaxWidth = 12;

    public static LzwDecoder Instance { get; } = new();

    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length >= 2 && source[0] == 0 && (source[1] & 1) != 0)
        {
            throw new InvalidDataException("old-style (LSB-first) LZW data is not supported.");
        }

        // Every code is a string: a shorter string (its prefix code) plus one byte; lengths let it be written back to front.
        Span<ushort> prefixes = stackalloc ushort[TableSize];
        Span<ushort> lengths = stackalloc ushort[TableSize];
        Span<byte> lastBytes = stackalloc byte[TableSize];
        Span<byte> firstBytes = stackalloc byte[TableSize];
        for (var i = 0; i < ClearCode; i++)
        {
            lengths[i] = 1;
            lastBytes[i] = (byte)i;
            firstBytes[i] = (byte)i;
        }

        var bits = new MsbBitReader(source);
        var width = MinWidth;
        var next = FirstFreeCode;
        var previous = -1;
        var written = 0;
        while (written < destination.Length && bits.TryRead(width, out var code))
        {
            if (code == EndCode)
            {
                break;
            }

            if (code == ClearCode)
            {
                width = MinWidth;
                next = FirstFreeCode;
                previous = -1;
                continue;
            }

            if (previous < 0)
            {
                if (code > byte.MaxValue)
                {
                    throw new InvalidDataException($"LZW code {code} follows a Clear code.");
                }
            }
            else
            {
                if (code > next)
                {
                    throw new InvalidDataException($"LZW code {code} is not in the table (next free code {next}).");
                }

                if (next < TableSize)
                {
                    // The new string is the previous one plus the first byte of the current one, which for the
                    // code being defined right now is the previous string's own first byte.
                    prefixes[next] = (ushort)previous;
                    lastBytes[next] = code == next ? firstBytes[previous] : firstBytes[code];
                    firstBytes[next] = firstBytes[previous];
                    lengths[next] = (ushort)(lengths[previous] + 1);
                    next++;
                }
            }

            written += WriteString(code, prefixes, lengths, lastBytes, destination[written..]);
            previous = code;
            if (next >= (1 << width) - 1 && width < MaxWidth)
            {
                width++;
            }
        }

        return written;
    }

    private static int WriteString(int code, ReadOnlySpan<ushort> prefixes, ReadOnlySpan<ushort> lengths, ReadOnlySpan<byte> lastBytes, Span<byte> destination)
    {
        int length = lengths[code];
        var fits = Math.Min(length, destination.Length);
        for (var position = length - 1; position >= 0; position--)
        {
            if (position < fits)
            {
                destination[position] = lastBytes[code];
            }

            code = prefixes[code];
        }

        return fits;
    }

    private ref struct MsbBitReader(ReadOnlySpan<byte> source)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private int _position;
        private uint _buffer;
        private int _count;

        public bool TryRead(int width, out int value)
        {
            while (_count < width)
            {
                if (_position == _source.Length)
                {
                    value = 0;
                    return false;
                }

                _buffer = (_buffer << 8) | _source[_position++];
                _count += 8;
            }

            _count -= width;
            value = (int)(_buffer >> _count) & ((1 << width) - 1);
            return true;
        }
    }
}
