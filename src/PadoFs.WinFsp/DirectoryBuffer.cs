using System.Runtime.InteropServices;
using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp;

/// <summary>
/// Fills a ReadDirectory buffer the way FspFileSystemAddDirInfo does: entries at 8-byte boundaries, and, once the
/// listing is complete, a zero entry size that tells WinFsp no more entries follow.
/// </summary>
internal ref struct DirectoryBuffer(Span<byte> buffer)
{
    private const int HeaderSize = 104;

    private readonly Span<byte> _buffer = buffer;

    /// <summary>How many bytes are filled.</summary>
    public int Written { get; private set; }

    /// <summary>Adds one entry; false (and nothing written) when it does not fit, so the caller stops there.</summary>
    public bool TryAdd(ReadOnlySpan<char> name, in FspFileInfo info)
    {
        var size = HeaderSize + (name.Length * sizeof(char));
        var aligned = (size + DirInfo.Alignment - 1) & ~(DirInfo.Alignment - 1);
        if (size > ushort.MaxValue || Written + aligned > _buffer.Length)
        {
            return false;
        }

        var entry = _buffer.Slice(Written, aligned);
        entry.Clear();
        var header = new DirInfo { Size = (ushort)size, FileInfo = info };
        MemoryMarshal.Write(entry, in header);
        MemoryMarshal.AsBytes(name).CopyTo(entry[HeaderSize..]);
        Written += aligned;
        return true;
    }

    /// <summary>Marks the end of the listing; false when the buffer is full, and WinFsp asks again after the last entry.</summary>
    public bool TryEnd()
    {
        if (Written + sizeof(ushort) > _buffer.Length)
        {
            return false;
        }

        _buffer.Slice(Written, sizeof(ushort)).Clear();
        Written += sizeof(ushort);
        return true;
    }
}
