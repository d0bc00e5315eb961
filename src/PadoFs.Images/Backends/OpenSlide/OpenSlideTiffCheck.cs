using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Decides whether a TIFF is safe to hand to OpenSlide. OpenSlide and GLib abort the whole process when an allocation
/// fails, and they size allocations from the file: a tile of its stated width x length x 4 bytes, a raw tile of its
/// stated byte count; libtiff drops a tile table whose count does not fit the grid, and OpenSlide then reads through
/// it. So every page's tiles, samples and chunk tables are checked here, by our own reader, before OpenSlide sees
/// the file; a TIFF that fails is read by our TIFF reader or refused, never given to OpenSlide.
/// </summary>
internal static class OpenSlideTiffCheck
{
    /// <summary>OpenSlide renders pages as RGB or RGBA; more samples are nothing it reads.</summary>
    private const int MaxSamples = 4;

    private const int MaxBitsPerSample = 16;

    /// <summary>OpenSlide decodes every tile to 32-bit ARGB pixels.</summary>
    private const int OpenSlideBytesPerPixel = 4;

    /// <summary>Why OpenSlide must not read <paramref name="tiff"/>; null when nothing in its structure makes it allocate out of bounds.</summary>
    public static string? Refusal(TiffFile tiff)
    {
        foreach (var page in tiff.Pages)
        {
            if (Refusal(page, tiff.Length) is { } reason)
            {
                return reason;
            }

            foreach (var subPage in page.SubPages)
            {
                if (Refusal(subPage, tiff.Length) is { } subReason)
                {
                    return subReason;
                }
            }
        }

        return null;
    }

    private static string? Refusal(TiffPage page, long fileLength)
    {
        var name = page.IsSubIfd ? $"SubIFD {page.SubIfdIndex} of page {page.Index}" : $"page {page.Index}";
        if (page.SamplesPerPixel > MaxSamples)
        {
            return $"{name} has {page.SamplesPerPixel} samples per pixel";
        }

        if (page.BitsPerSample is < 1 or > MaxBitsPerSample)
        {
            return $"{name} has {page.BitsPerSample} bits per sample";
        }

        if (page.IsTiled && (double)page.TileWidth * page.TileLength * OpenSlideBytesPerPixel > SlideLevel.MaxChunkBytes)
        {
            return $"{name} has tiles of {page.TileWidth} x {page.TileLength} pixels, more than {SlideLevel.MaxChunkBytes >> 20} MiB each decoded";
        }

        return page.ChunkCount == 0 ? null : ChunkTableRefusal(page, name, fileLength);
    }

    private static string? ChunkTableRefusal(TiffPage page, string name, long fileLength)
    {
        var (offsetsCode, countsCode) = page.IsTiled ? (TiffTagCode.TileOffsets, TiffTagCode.TileByteCounts) : (TiffTagCode.StripOffsets, TiffTagCode.StripByteCounts);
        if (!page.TryGetTag(offsetsCode, out var offsets) || offsets.Count < page.ChunkCount || !page.TryGetTag(countsCode, out var counts) || counts.Count < page.ChunkCount)
        {
            return $"{name} does not list the offset and byte count of each of its {page.ChunkCount} chunks";
        }

        for (var i = 0; i < Math.Min(page.DataOffsets.Length, page.DataByteCounts.Length); i++)
        {
            var offset = page.DataOffsets[i];
            var count = page.DataByteCounts[i];
            if (offset < 0 || count < 0 || count > fileLength || offset > fileLength - count)
            {
                return $"{name} has chunk {i} of {count} bytes at offset {offset}, outside the file ({fileLength} bytes)";
            }
        }

        return null;
    }
}
