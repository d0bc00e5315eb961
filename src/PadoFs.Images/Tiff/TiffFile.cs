using PadoFs.Images.Sources;

namespace PadoFs.Images.Tiff;

/// <summary>
/// A TIFF or BigTIFF file opened read-only: its pages and the series tifffile would see in it. Only the
/// directories are read on open; pixel data is read on demand with positional reads of its byte source (a local
/// file or a remote object), safe from many threads.
/// </summary>
public sealed class TiffFile : IDisposable
{
    /// <summary>No real file has more pages; a chain longer than this is corrupt.</summary>
    public const int MaxPages = 1 << 20;

    private readonly TiffDirectoryReader _reader;

    private TiffFile(IByteSource source)
    {
        Source = source;
        var header = TiffHeader.Read(source);
        _reader = new TiffDirectoryReader(source, header);
        Pages = ReadPages(header.FirstIfdOffset);
        Series = TiffSeries.Identify(this, Pages);
    }

    /// <summary>The file as its source names it: a path or URL.</summary>
    public string Path => Source.Name;

    public long Length => Source.Length;

    /// <summary>Where the bytes are read from, and which version of them.</summary>
    public IByteSource Source { get; }

    public TiffByteOrder ByteOrder => _reader.Header.ByteOrder;

    public bool IsBigTiff => _reader.Header.IsBigTiff;

    /// <summary>The pages of the main IFD chain in file order; the pages their SubIFDs tags list hang below them.</summary>
    public IReadOnlyList<TiffPage> Pages { get; }

    /// <summary>The images of the file, each with its pyramid levels, as tifffile identifies them.</summary>
    public IReadOnlyList<TiffSeries> Series { get; }

    /// <summary>Opens <paramref name="path"/> for shared reading and reads its structure.</summary>
    /// <exception cref="TiffFormatException">the file is not a TIFF, or its structure is broken.</exception>
    /// <exception cref="IOException">the file cannot be opened or read.</exception>
    public static TiffFile Open(string path) => Open(LocalFileSource.Open(path));

    /// <summary>Reads the structure of the TIFF in <paramref name="source"/>, which the file then owns.</summary>
    /// <exception cref="TiffFormatException">the bytes are not a TIFF, or its structure is broken.</exception>
    /// <exception cref="IOException">the source cannot be read.</exception>
    public static TiffFile Open(IByteSource source)
    {
        try
        {
            return new TiffFile(source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Reads bytes at <paramref name="offset"/>; returns how many were read (fewer only at the end of the file).</summary>
    public int Read(long offset, Span<byte> destination) => Source.Read(destination, offset);

    /// <summary>The raw value bytes of a tag, read from the file if they were too large to load with the directory.</summary>
    public byte[] ReadTagValue(TiffTag tag) => _reader.ReadBytes(tag);

    /// <summary>The text of an ASCII tag, read from the file if it was too large to load with the directory.</summary>
    public string ReadTagString(TiffTag tag) => _reader.ReadString(tag);

    public void Dispose() => Source.Dispose();

    private List<TiffPage> ReadPages(long firstOffset)
    {
        var pages = new List<TiffPage>();
        var seen = new HashSet<long>();
        for (var offset = firstOffset; offset != 0;)
        {
            if (!seen.Add(offset))
            {
                throw new TiffFormatException($"IFD loop: the IFD at offset {offset} is linked to again after page {pages.Count - 1}.");
            }

            if (pages.Count == MaxPages)
            {
                throw new TiffFormatException($"more than {MaxPages} pages: corrupt IFD chain.");
            }

            pages.Add(TiffPage.Read(_reader, offset, pages.Count, -1, out offset));
        }

        foreach (var page in pages)
        {
            page.SubPages = ReadSubPages(page, seen);
        }

        return pages;
    }

    private List<TiffPage> ReadSubPages(TiffPage parent, HashSet<long> seen)
    {
        var subPages = new List<TiffPage>(parent.SubIfdOffsets.Count);
        for (var i = 0; i < parent.SubIfdOffsets.Count; i++)
        {
            // Offsets below 8 are placeholders some writers leave for levels they never wrote.
            var offset = parent.SubIfdOffsets[i];
            if (offset >= 8 && seen.Add(offset))
            {
                subPages.Add(TiffPage.Read(_reader, offset, parent.Index, i, out _));
            }
        }

        return subPages;
    }
}
