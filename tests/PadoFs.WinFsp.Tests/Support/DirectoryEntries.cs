using System.Buffers.Binary;
using System.Text;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>Reads a ReadDirectory buffer as the WinFsp driver does: entries at 8-byte boundaries, a zero size ends the listing.</summary>
internal static class DirectoryEntries
{
    public static (List<(string Name, uint Attributes, ulong Size)> Entries, bool Ended) Parse(ReadOnlySpan<byte> buffer)
    {
        var entries = new List<(string, uint, ulong)>();
        var offset = 0;
        while (offset + 2 <= buffer.Length)
        {
            var size = BinaryPrimitives.ReadUInt16LittleEndian(buffer[offset..]);
            if (size == 0)
            {
                return (entries, true);
            }

            var entry = buffer.Slice(offset, size);
            var name = Encoding.Unicode.GetString(entry[104..]);
            entries.Add((name, BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]), BinaryPrimitives.ReadUInt64LittleEndian(entry[24..])));
            offset += (size + 7) & ~7;
        }

        return (entries, false);
    }
}
