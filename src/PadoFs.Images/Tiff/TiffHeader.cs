using PadoFs.Images.Sources;

namespace PadoFs.Images.Tiff;

/// <summary>The first bytes of a TIFF or BigTIFF file: byte order, flavour and where the first IFD is.</summary>
internal readonly record struct TiffHeader(TiffByteOrder ByteOrder, bool IsBigTiff, long FirstIfdOffset)
{
    private const int ClassicVersion = 42;
    private const int BigTiffVersion = 43;

    /// <summary>Bytes of an offset or a count in IFD entries: 4 in TIFF, 8 in BigTIFF.</summary>
    public int OffsetSize => IsBigTiff ? 8 : 4;

    public static TiffHeader Read(IByteSource source)
    {
        Span<byte> bytes = stackalloc byte[16];
        var fileLength = source.Length;
        var read = source.Read(bytes[..(int)Math.Min(bytes.Length, fileLength)], 0);
        if (read < 8)
        {
            throw TiffFormatException.NotTiff($"not a TIFF file: it has only {read} bytes.");
        }

        var order = (bytes[0], bytes[1]) switch
        {
            ((byte)'I', (byte)'I') => TiffByteOrder.LittleEndian,
            ((byte)'M', (byte)'M') => TiffByteOrder.BigEndian,
            _ => throw NotTiff(bytes),
        };
        var version = order.ReadUInt16(bytes[2..]);
        if (version == ClassicVersion)
        {
            return new TiffHeader(order, false, order.ReadUInt32(bytes[4..]));
        }

        if (version != BigTiffVersion)
        {
            throw NotTiff(bytes);
        }

        if (read < 16)
        {
            throw new TiffFormatException($"truncated BigTIFF header: the file has only {read} bytes.");
        }

        var offsetSize = order.ReadUInt16(bytes[4..]);
        if (offsetSize != 8 || order.ReadUInt16(bytes[6..]) != 0)
        {
            throw new TiffFormatException($"unsupported BigTIFF offset size {offsetSize}.");
        }

        var first = order.ReadUInt64(bytes[8..]);
        if (first > (ulong)fileLength)
        {
            throw new TiffFormatException($"the first IFD offset {first} lies beyond the end of the file ({fileLength} bytes).");
        }

        return new TiffHeader(order, true, (long)first);
    }

    private static TiffFormatException NotTiff(ReadOnlySpan<byte> bytes) =>
        TiffFormatException.NotTiff($"not a TIFF file: it starts with bytes {Convert.ToHexString(bytes[..4])}.");
}
