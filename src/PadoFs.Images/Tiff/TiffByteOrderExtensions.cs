using System.Buffers.Binary;

namespace PadoFs.Images.Tiff;

/// <summary>Reads the integers of a TIFF structure in the byte order the file declares.</summary>
internal static class TiffByteOrderExtensions
{
    public static ushort ReadUInt16(this TiffByteOrder order, ReadOnlySpan<byte> bytes) =>
        order == TiffByteOrder.LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    public static uint ReadUInt32(this TiffByteOrder order, ReadOnlySpan<byte> bytes) =>
        order == TiffByteOrder.LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    public static ulong ReadUInt64(this TiffByteOrder order, ReadOnlySpan<byte> bytes) =>
        order == TiffByteOrder.LittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);

    public static float ReadSingle(this TiffByteOrder order, ReadOnlySpan<byte> bytes) =>
        order == TiffByteOrder.LittleEndian ? BinaryPrimitives.ReadSingleLittleEndian(bytes) : BinaryPrimitives.ReadSingleBigEndian(bytes);

    public static double ReadDouble(this TiffByteOrder order, ReadOnlySpan<byte> bytes) =>
        order == TiffByteOrder.LittleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleBigEndian(bytes);
}
