namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// Reads the bits of a scan's entropy-coded data, most significant first, undoing the byte stuffing (FF 00 is the
/// byte FF). It stops at a marker: reading a bit past one fails, as libjpeg warns of a premature end there.
/// </summary>
internal ref struct JpegBitReader
{
    private const byte MarkerPrefix = 0xFF;
    private const byte FirstRestart = 0xD0;

    private readonly ReadOnlySpan<byte> _stream;
    private int _position;
    private int _byte;
    private int _bitsLeft;

    /// <param name="stream">The whole stream.</param>
    /// <param name="position">Where the scan's entropy-coded data starts (right after its SOS segment).</param>
    public JpegBitReader(ReadOnlySpan<byte> stream, int position)
    {
        _stream = stream;
        _position = position;
    }

    /// <summary>Where the next byte not yet read starts: once a scan is read whole, its marker after the data.</summary>
    public readonly int Position => _position;

    public int ReadBit()
    {
        if (_bitsLeft == 0)
        {
            _byte = NextByte();
            _bitsLeft = 8;
        }

        _bitsLeft--;
        return (_byte >> _bitsLeft) & 1;
    }

    public int ReadBits(int count)
    {
        var value = 0;
        for (var bit = 0; bit < count; bit++)
        {
            value = (value << 1) | ReadBit();
        }

        return value;
    }

    /// <summary>Drops the bits left of the current byte and reads the restart marker RST<paramref name="index"/> that must follow.</summary>
    /// <exception cref="TileDecodeException">the next marker is another one.</exception>
    public void Restart(int index)
    {
        _bitsLeft = 0;
        var marker = SkipToMarker();
        if (marker != FirstRestart + index)
        {
            throw Corrupt($"restart marker RST{index} expected, found 0xFF{marker:X2}");
        }

        _position += 2;
    }

    /// <summary>Drops the bits left and moves to the marker after the scan's data, skipping bytes the scan did not use.</summary>
    public void SkipToEnd()
    {
        _bitsLeft = 0;
        while (_position + 1 < _stream.Length && !(_stream[_position] == MarkerPrefix && _stream[_position + 1] is not 0x00 and not MarkerPrefix))
        {
            _position++;
        }
    }

    private int NextByte()
    {
        if (_position >= _stream.Length)
        {
            throw Corrupt("the scan ends before its last block");
        }

        var value = _stream[_position];
        if (value != MarkerPrefix)
        {
            _position++;
            return value;
        }

        var next = _position + 1;
        while (next < _stream.Length && _stream[next] == MarkerPrefix)
        {
            next++;
        }

        if (next >= _stream.Length || _stream[next] != 0x00)
        {
            throw Corrupt("the scan's data ends at a marker before its last block");
        }

        _position = next + 1;
        return MarkerPrefix;
    }

    // Fill bytes (FF) may precede a marker.
    private int SkipToMarker()
    {
        if (_position + 1 >= _stream.Length || _stream[_position] != MarkerPrefix)
        {
            throw Corrupt("a restart marker is missing from the scan");
        }

        while (_position + 2 < _stream.Length && _stream[_position + 1] == MarkerPrefix)
        {
            _position++;
        }

        return _stream[_position + 1];
    }

    private static TileDecodeException Corrupt(string reason) => new(JpegTileDecoder.CodecName, reason);
}
