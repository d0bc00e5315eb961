using PadoFs.Images.Tiff;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Writes little-endian classic TIFF bytes entry by entry, to build the broken structures no writer makes.</summary>
internal sealed class HandmadeTiff
{
    private readonly List<byte> _bytes = [.. "II"u8];

    public HandmadeTiff(uint firstIfdOffset = 8)
    {
        Write((ushort)42);
        Write(firstIfdOffset);
    }

    /// <summary>An 8 x 8 grayscale image in one strip whose pixels are nowhere: enough for structure tests.</summary>
    public static (ushort Code, TiffTagType Type, uint Count, uint Value)[] Image(uint width = 8, uint height = 8) =>
    [
        (TiffTagCode.ImageWidth, TiffTagType.Long, 1, width),
        (TiffTagCode.ImageLength, TiffTagType.Long, 1, height),
        (TiffTagCode.BitsPerSample, TiffTagType.Short, 1, 8),
        (TiffTagCode.Photometric, TiffTagType.Short, 1, 1),
        (TiffTagCode.StripOffsets, TiffTagType.Long, 1, 8),
        (TiffTagCode.RowsPerStrip, TiffTagType.Long, 1, height),
        (TiffTagCode.StripByteCounts, TiffTagType.Long, 1, width * height),
    ];

    /// <summary>Appends an IFD whose entries hold their values inline (or point with <c>Value</c>), linking to <paramref name="next"/>.</summary>
    public HandmadeTiff Ifd(IReadOnlyList<(ushort Code, TiffTagType Type, uint Count, uint Value)> entries, uint next = 0, ushort? declaredCount = null)
    {
        Write(declaredCount ?? (ushort)entries.Count);
        foreach (var (code, type, count, value) in entries)
        {
            Write(code);
            Write((ushort)type);
            Write(count);
            Write(value);
        }

        Write(next);
        return this;
    }

    /// <summary>Appends raw bytes (padded to an even length) and returns the offset they start at.</summary>
    public uint Data(ReadOnlySpan<byte> bytes)
    {
        var offset = (uint)_bytes.Count;
        _bytes.AddRange(bytes.ToArray());
        if (bytes.Length % 2 == 1)
        {
            _bytes.Add(0);
        }

        return offset;
    }

    /// <summary>Where the next IFD or data would start.</summary>
    public uint Length => (uint)_bytes.Count;

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, [.. _bytes]);
        return path;
    }

    private void Write(ushort value) => _bytes.AddRange(BitConverter.GetBytes(value));

    private void Write(uint value) => _bytes.AddRange(BitConverter.GetBytes(value));
}
