using System.Buffers;
using PadoFs.Images.Codecs;
using PadoFs.Images.Codecs.Jpeg;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// Decodes the chunks of an old-style JPEG page (TIFF compression 6, JPEGProc baseline, tables in JPEGQTables,
/// JPEGDCTables and JPEGACTables): each chunk's entropy-coded data gets the frame and scan headers the tags describe
/// and is decoded with the page's tables as a JPEG chunk is; YCbCr becomes RGB as libtiff makes it of such a page
/// (libjpeg's raw planes, then TIFF's equations with the page's coefficients and reference black and white).
/// </summary>
internal sealed class OldJpegChunkDecoder : IChunkDecoder
{
    private const int Baseline = 1;
    private const int QuantizationTableLength = 64;
    private const int HuffmanCountsLength = 16;
    private const int MaxHuffmanValues = 256;
    private const int MaxTables = 4;

    private readonly byte[] _tables;
    private readonly OldJpegTableCounts _counts;
    private readonly JpegColorSpace _colorSpace;
    private readonly int _width;
    private readonly int _height;
    private readonly int _samples;
    private readonly int _subsamplingX;
    private readonly int _subsamplingY;
    private readonly TiffYCbCrConverter? _converter;

    private OldJpegChunkDecoder(TiffPage page, TiffOldJpeg tags, byte[] tables, OldJpegTableCounts counts, JpegColorSpace colorSpace)
    {
        _tables = tables;
        _counts = counts;
        _colorSpace = colorSpace;
        _width = (int)page.ChunkWidth;
        _height = (int)page.ChunkHeight;
        _samples = page.SamplesPerPixel;
        (_subsamplingX, _subsamplingY) = colorSpace == JpegColorSpace.YCbCr ? (tags.SubsamplingX, tags.SubsamplingY) : (1, 1);
        _converter = colorSpace == JpegColorSpace.YCbCr ? new TiffYCbCrConverter(tags.LumaCoefficients, tags.ReferenceBlackWhite) : null;
    }

    /// <summary>A decoder for <paramref name="page"/>, or null with the reason it cannot be decoded.</summary>
    public static OldJpegChunkDecoder? TryCreate(TiffFile file, TiffPage page, out string reason)
    {
        var tags = page.OldJpeg!;
        JpegColorSpace? colorSpace = (page.SamplesPerPixel, page.Photometric, page.BitsPerSample, page.PlanarConfiguration) switch
        {
            (1, TiffPhotometric.MinIsBlack, 8, _) => JpegColorSpace.Gray,
            // RGB here means YCbCr, as libtiff and tifffile read such pages.
            (3, TiffPhotometric.YCbCr or TiffPhotometric.Rgb, 8, 1) => JpegColorSpace.YCbCr,
            _ => null,
        };
        reason = colorSpace is null ? $"unsupported old-style JPEG of {page.SamplesPerPixel} samples of {page.BitsPerSample} bits, photometric {page.Photometric}"
            : tags.Process != Baseline ? $"unsupported old-style JPEG process {tags.Process} (only baseline)"
            : tags.QuantizationTables.Count == 0 || tags.DcTables.Count == 0 || tags.AcTables.Count == 0 ? "old-style JPEG without JPEGQTables, JPEGDCTables or JPEGACTables"
            : colorSpace == JpegColorSpace.YCbCr && (tags.SubsamplingX, tags.SubsamplingY) is not ((1, 1) or (2, 1) or (2, 2) or (1, 2) or (4, 1)) ? $"unsupported old-style JPEG subsampling {tags.SubsamplingX} x {tags.SubsamplingY}"
            : !page.IsTiled && page.Height % page.ChunkHeight != 0 ? "unsupported old-style JPEG strips whose last one is shorter"
            : page.ChunkWidth > ushort.MaxValue || page.ChunkHeight > ushort.MaxValue ? $"old-style JPEG chunks of {page.ChunkWidth} x {page.ChunkHeight} pixels exceed JPEG's 65535"
            : string.Empty;
        if (reason.Length > 0)
        {
            return null;
        }

        var quantization = ReadTables(file, tags.QuantizationTables, huffman: false, out reason);
        var dc = reason.Length == 0 ? ReadTables(file, tags.DcTables, huffman: true, out reason) : [];
        var ac = reason.Length == 0 ? ReadTables(file, tags.AcTables, huffman: true, out reason) : [];
        if (reason.Length > 0)
        {
            return null;
        }

        var counts = new OldJpegTableCounts(quantization.Count, dc.Count, ac.Count);
        return new OldJpegChunkDecoder(page, tags, OldJpegStream.Tables(quantization, dc, ac, tags.RestartInterval), counts, colorSpace!.Value);
    }

    public int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var headerLength = OldJpegStream.ChunkHeaderLength(_samples);
        var stream = ArrayPool<byte>.Shared.Rent(headerLength + source.Length + 2);
        try
        {
            var length = OldJpegStream.WriteChunkHeader(stream, _width, _height, _samples, _subsamplingX, _subsamplingY, _counts);
            source.CopyTo(stream.AsSpan(length));
            length += source.Length;
            length += OldJpegStream.WriteEnd(stream.AsSpan(length));
            if (_converter is null)
            {
                return JpegTileDecoder.Decode(stream.AsSpan(0, length), _tables, _colorSpace, _width, _height, destination) * _width * _samples;
            }

            DecodeYCbCr(stream.AsSpan(0, length), destination);
            return _width * _height * _samples;
        }
        catch (TileDecodeException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stream);
        }
    }

    private void DecodeYCbCr(ReadOnlySpan<byte> stream, Span<byte> destination)
    {
        var chromaWidth = (_width + _subsamplingX - 1) / _subsamplingX;
        var chromaBytes = chromaWidth * ((_height + _subsamplingY - 1) / _subsamplingY);
        var lumaBytes = _width * _height;
        var rented = ArrayPool<byte>.Shared.Rent(lumaBytes + (2 * chromaBytes));
        try
        {
            var buffer = rented.AsSpan();
            var planes = new JpegPlanes(buffer[..lumaBytes], buffer.Slice(lumaBytes, chromaBytes), buffer.Slice(lumaBytes + chromaBytes, chromaBytes), chromaWidth);
            JpegTileDecoder.DecodePlanes(stream, _tables, _width, _height, planes);
            _converter!.Convert(planes, _width, _height, _subsamplingX, _subsamplingY, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static List<byte[]> ReadTables(TiffFile file, IReadOnlyList<long> offsets, bool huffman, out string reason)
    {
        var tables = new List<byte[]>();
        reason = string.Empty;
        for (var i = 0; i < Math.Min(offsets.Count, MaxTables); i++)
        {
            var offset = offsets[i];
            var table = new byte[huffman ? HuffmanCountsLength : QuantizationTableLength];
            if (offset < 0 || file.Read(offset, table) != table.Length)
            {
                reason = $"old-style JPEG table {i} at offset {offset} lies beyond the end of the file";
                return tables;
            }

            if (huffman)
            {
                var values = 0;
                foreach (var count in table)
                {
                    values += count;
                }

                var full = new byte[HuffmanCountsLength + values];
                if (values > MaxHuffmanValues || file.Read(offset, full) != full.Length)
                {
                    reason = $"old-style JPEG Huffman table {i} at offset {offset} is corrupt or truncated";
                    return tables;
                }

                table = full;
            }

            tables.Add(table);
        }

        return tables;
    }
}
