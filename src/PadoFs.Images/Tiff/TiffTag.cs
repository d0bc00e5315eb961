using System.Text;

namespace PadoFs.Images.Tiff;

/// <summary>
/// One IFD entry: its code, type, count and value bytes in the file's byte order. Values too large to load
/// eagerly are left in the file (<see cref="IsLoaded"/> is false) and only their position is kept.
/// </summary>
public sealed class TiffTag
{
    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[]? _value;

    internal TiffTag(ushort code, TiffTagType type, long count, long valueOffset, byte[]? value, TiffByteOrder byteOrder)
    {
        Code = code;
        Type = type;
        Count = count;
        ValueOffset = valueOffset;
        _value = value;
        ByteOrder = byteOrder;
    }

    public ushort Code { get; }

    public TiffTagType Type { get; }

    /// <summary>The number of values the entry declares.</summary>
    public long Count { get; }

    /// <summary>Where the value lies in the file (inside the entry itself when it fits there).</summary>
    public long ValueOffset { get; }

    public TiffByteOrder ByteOrder { get; }

    /// <summary>False for a value too large to load with the directory; read it through the file when needed.</summary>
    public bool IsLoaded => _value is not null;

    /// <summary>The value bytes as stored in the file.</summary>
    public ReadOnlySpan<byte> RawValue => _value ?? throw new InvalidOperationException($"The value of tag {Code} ({Count} x {Type}) was not loaded.");

    /// <summary>The number of bytes one value of <paramref name="type"/> takes; 0 for a type TIFF does not define.</summary>
    public static int ElementSize(TiffTagType type) => type switch
    {
        TiffTagType.Byte or TiffTagType.Ascii or TiffTagType.SByte or TiffTagType.Undefined => 1,
        TiffTagType.Short or TiffTagType.SShort => 2,
        TiffTagType.Long or TiffTagType.SLong or TiffTagType.Float or TiffTagType.Ifd => 4,
        TiffTagType.Rational or TiffTagType.SRational or TiffTagType.Double or TiffTagType.Long8 or TiffTagType.SLong8 or TiffTagType.Ifd8 => 8,
        _ => 0,
    };

    /// <summary>True for the types that hold whole numbers.</summary>
    public static bool IsInteger(TiffTagType type) => type is TiffTagType.Byte or TiffTagType.SByte or TiffTagType.Undefined
        or TiffTagType.Short or TiffTagType.SShort or TiffTagType.Long or TiffTagType.SLong or TiffTagType.Ifd
        or TiffTagType.Long8 or TiffTagType.SLong8 or TiffTagType.Ifd8;

    /// <summary>The number of values loaded (the declared count unless the file ends early).</summary>
    public int LoadedCount => RawValue.Length / ElementSize(Type);

    /// <summary>The value at <paramref name="index"/> of an integer tag.</summary>
    public long GetInteger(int index = 0)
    {
        if (!IsInteger(Type))
        {
            throw new TiffFormatException($"Tag {Code} has type {Type}, expected an integer type.");
        }

        var size = ElementSize(Type);
        var value = RawValue;
        if (index < 0 || (long)(index + 1) * size > value.Length)
        {
            throw new TiffFormatException($"Tag {Code} has {Count} value(s), value {index} was asked for.");
        }

        return ReadInteger(value.Slice(index * size, size));
    }

    /// <summary>Every value of an integer tag.</summary>
    public long[] GetIntegers()
    {
        var values = new long[LoadedCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetInteger(i);
        }

        return values;
    }

    /// <summary>The value at <paramref name="index"/> as a real number, whatever numeric type holds it.</summary>
    public double GetReal(int index = 0)
    {
        var value = RawValue;
        var size = ElementSize(Type);
        if (index < 0 || size == 0 || (long)(index + 1) * size > value.Length)
        {
            throw new TiffFormatException($"Tag {Code} has {Count} value(s) of type {Type}, value {index} was asked for.");
        }

        var item = value.Slice(index * size, size);
        return Type switch
        {
            TiffTagType.Rational => (double)ByteOrder.ReadUInt32(item) / ByteOrder.ReadUInt32(item[4..]),
            TiffTagType.SRational => (double)(int)ByteOrder.ReadUInt32(item) / (int)ByteOrder.ReadUInt32(item[4..]),
            TiffTagType.Float => ByteOrder.ReadSingle(item),
            TiffTagType.Double => ByteOrder.ReadDouble(item),
            TiffTagType.Ascii => throw new TiffFormatException($"Tag {Code} is text, expected a number."),
            _ => GetInteger(index),
        };
    }

    /// <summary>
    /// The text of an ASCII tag without its terminating NULs. TIFF says ASCII, but writers put UTF-8 (and
    /// sometimes Latin-1) there; both are accepted.
    /// </summary>
    public string GetString()
    {
        var value = RawValue.TrimEnd((byte)0);
        try
        {
            return s_strictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(value);
        }
    }

    private long ReadInteger(ReadOnlySpan<byte> item) => Type switch
    {
        TiffTagType.Byte or TiffTagType.Undefined => item[0],
        TiffTagType.SByte => (sbyte)item[0],
        TiffTagType.Short => ByteOrder.ReadUInt16(item),
        TiffTagType.SShort => (short)ByteOrder.ReadUInt16(item),
        TiffTagType.Long or TiffTagType.Ifd => ByteOrder.ReadUInt32(item),
        TiffTagType.SLong => (int)ByteOrder.ReadUInt32(item),
        _ => (long)ByteOrder.ReadUInt64(item),
    };
}
