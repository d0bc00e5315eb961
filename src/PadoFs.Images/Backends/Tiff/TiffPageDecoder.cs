using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using PadoFs.Images.Codecs;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.Tiff;

/// <summary>
/// Reads rectangles of one page's pixels by decoding the chunks they cover. Holds no mutable state: every call
/// rents its own buffers, so one instance serves many threads. No chunk larger than
/// <see cref="SlideLevel.MaxChunkBytes"/> decoded is decoded whole: an uncompressed one (a whole image in one strip,
/// as tifffile writes them) is read row by row where a region needs it, a compressed one is refused.
/// </summary>
internal sealed class TiffPageDecoder
{
    private const int HorizontalDifferencing = 2;
    private const int YCbCr = 6;

    private readonly TiffFile _file;
    private readonly IChunkDecoder? _decoder;
    private readonly int _chunkWidth;
    private readonly int _chunkHeight;
    private readonly int _chunkSamples;
    private readonly int _chunkBytes;
    private readonly bool _readsStoredRows;

    private TiffPageDecoder(TiffFile file, TiffPage page, IChunkDecoder? decoder)
    {
        _file = file;
        Page = page;
        _decoder = decoder;
        Format = new PixelFormat(page.SamplesPerPixel, page.BitsPerSample == 16 ? PixelType.UInt16 : PixelType.UInt8);
        _chunkWidth = (int)page.ChunkWidth;
        _chunkHeight = (int)page.ChunkHeight;
        _chunkSamples = page.PlanarConfiguration == 2 ? 1 : page.SamplesPerPixel;
        _readsStoredRows = ReadsStoredRows(page);
        _chunkBytes = _readsStoredRows ? 0 : _chunkWidth * _chunkHeight * _chunkSamples * Format.BytesPerSample;
    }

    public TiffPage Page { get; }

    public PixelFormat Format { get; }

    /// <summary>A decoder for <paramref name="page"/>, or the reason this backend cannot decode it.</summary>
    public static TiffPageDecoder? TryCreate(TiffFile file, TiffPage page, out string reason)
    {
        if (!TiffCompression.TryGetDecoder(page, out var decoder))
        {
            reason = $"unsupported TIFF compression {page.Compression}";
            return null;
        }

        reason = Unsupported(page) ?? string.Empty;
        return reason.Length > 0 ? null : new TiffPageDecoder(file, page, decoder);
    }

    /// <summary>
    /// Writes the <paramref name="width"/> x <paramref name="height"/> pixels at (<paramref name="x"/>, <paramref name="y"/>)
    /// of the page into <paramref name="destination"/> as H x W x S, little-endian; pixels outside the page are 0.
    /// </summary>
    /// <exception cref="InvalidDataException">a chunk is missing from the file or does not decode.</exception>
    public void ReadRegion(long x, long y, int width, int height, Span<byte> destination)
    {
        var pixelBytes = Format.BytesPerPixel;
        destination = destination[..checked(width * height * pixelBytes)];
        destination.Clear();
        var left = Math.Max(x, 0);
        var right = Math.Min(x + width, Page.Width);
        var top = Math.Max(y, 0);
        var bottom = Math.Min(y + height, Page.Height);
        if (left >= right || top >= bottom)
        {
            return;
        }

        if (_readsStoredRows)
        {
            ReadStoredRows(x, y, width, (left, right), (top, bottom), destination);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(_chunkBytes);
        try
        {
            var chunk = rented.AsSpan(0, _chunkBytes);
            for (var row = top / _chunkHeight; row <= (bottom - 1) / _chunkHeight; row++)
            {
                for (var col = left / _chunkWidth; col <= (right - 1) / _chunkWidth; col++)
                {
                    for (var plane = 0; plane < Page.ChunkPlanes; plane++)
                    {
                        if (!DecodeChunk(plane, row, col, chunk))
                        {
                            continue;
                        }

                        var cell = new ChunkCell(row * _chunkHeight, col * _chunkWidth);
                        var rows = (Math.Max(top, cell.Top), Math.Min(bottom, cell.Top + _chunkHeight));
                        var cols = (Math.Max(left, cell.Left), Math.Min(right, cell.Left + _chunkWidth));
                        CopyChunk(chunk, cell, plane, rows, cols, destination, x, y, width);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Decodes the chunk at (<paramref name="row"/>, <paramref name="col"/>) into <paramref name="destination"/>, as
    /// ChunkHeight x ChunkWidth x S: straight into it where the chunk holds every sample, with no copy.
    /// </summary>
    /// <exception cref="InvalidDataException">the chunk is missing from the file or does not decode.</exception>
    public void ReadChunk(long row, long col, Span<byte> destination)
    {
        if (Page.ChunkPlanes == 1 && !_readsStoredRows && destination.Length == _chunkBytes)
        {
            if (!DecodeChunk(0, row, col, destination))
            {
                destination.Clear();
            }

            return;
        }

        ReadRegion(col * _chunkWidth, row * _chunkHeight, _chunkWidth, _chunkHeight, destination);
    }

    /// <summary>
    /// Decodes the chunk at (<paramref name="row"/>, <paramref name="col"/>) of sample <paramref name="plane"/> of a page
    /// whose samples are stored in separate planes, as ChunkHeight x ChunkWidth; a chunk the file does not store reads as 0.
    /// </summary>
    /// <exception cref="InvalidDataException">the chunk does not decode.</exception>
    public void ReadPlaneChunk(int plane, long row, long col, Span<byte> destination)
    {
        if (!DecodeChunk(plane, row, col, destination[.._chunkBytes]))
        {
            destination.Clear();
        }
    }

    private static string? Unsupported(TiffPage page)
    {
        if (page.Width == 0 || page.Height == 0)
        {
            return "the TIFF image has no pixels";
        }

        if (page.BitsPerSample is not (8 or 16))
        {
            return $"unsupported TIFF BitsPerSample {page.BitsPerSample}";
        }

        if (page.SampleFormat != 1)
        {
            return $"unsupported TIFF SampleFormat {page.SampleFormat} (only unsigned integers)";
        }

        if (page.Predictor is not (1 or HorizontalDifferencing))
        {
            return $"unsupported TIFF predictor {page.Predictor}";
        }

        if (page.FillOrder != 1)
        {
            return $"unsupported TIFF FillOrder {page.FillOrder}";
        }

        if (page.Photometric == YCbCr && page.Compression != TiffCompression.Jpeg)
        {
            // YCbCr outside JPEG is stored subsampled in a sample layout of its own, which no slide writer uses.
            return "unsupported TIFF YCbCr image outside JPEG";
        }

        // A chunk is read whole, every sample, even where the samples are stored in separate planes.
        var bytes = (double)page.ChunkWidth * page.ChunkHeight * page.SamplesPerPixel * (page.BitsPerSample / 8);
        return bytes > SlideLevel.MaxChunkBytes && !ReadsStoredRows(page)
            ? $"TIFF chunks of {page.ChunkWidth} x {page.ChunkHeight} pixels of {page.SamplesPerPixel} samples take {bytes / (1 << 20):0} MiB decoded, more than the {SlideLevel.MaxChunkBytes >> 20} MiB a chunk may take"
            : null;
    }

    // Uncompressed interleaved rows lie in the file as they are in memory, so a region's rows are read straight from it;
    // only where a chunk is too large to decode whole, so small chunks keep their one read per chunk.
    private static bool ReadsStoredRows(TiffPage page) =>
        page.Compression == TiffCompression.None && page.PlanarConfiguration != 2 && page.Predictor == 1
        && (double)page.ChunkWidth * page.ChunkHeight * page.SamplesPerPixel * (page.BitsPerSample / 8) > SlideLevel.MaxChunkBytes
        && (double)page.ChunkWidth * page.SamplesPerPixel * (page.BitsPerSample / 8) <= SlideLevel.MaxChunkBytes;

    /// <summary>Copies the rows and columns of a region from the stored bytes of the chunks that hold them; what the file does not store reads as 0.</summary>
    private void ReadStoredRows(long x, long y, int width, (long Start, long End) columns, (long Start, long End) rows, Span<byte> destination)
    {
        var pixelBytes = Format.BytesPerPixel;
        var chunkRowBytes = (long)_chunkWidth * pixelBytes;
        for (var row = rows.Start; row < rows.End; row++)
        {
            var chunkRow = row / _chunkHeight;
            for (var col = columns.Start / _chunkWidth; col <= (columns.End - 1) / _chunkWidth; col++)
            {
                var index = Page.ChunkIndex(0, chunkRow, col);
                if (index >= Page.DataOffsets.Length)
                {
                    continue;
                }

                var left = Math.Max(columns.Start, col * _chunkWidth);
                var right = Math.Min(columns.End, (col + 1) * _chunkWidth);
                var target = destination.Slice((int)((((row - y) * width) + (left - x)) * pixelBytes), (int)(right - left) * pixelBytes);
                var offset = Page.DataOffsets[index];
                var stored = index < Page.DataByteCounts.Length ? Page.DataByteCounts[index] : long.MaxValue;
                if (offset < 0 || offset > _file.Length)
                {
                    throw new InvalidDataException($"chunk {index} at offset {offset} lies beyond the end of the file ({_file.Length} bytes)");
                }

                var start = ((row - (chunkRow * _chunkHeight)) * chunkRowBytes) + ((left - (col * _chunkWidth)) * pixelBytes);
                var available = Math.Clamp(Math.Min(stored, _file.Length - offset) - start, 0, target.Length);
                var read = _file.Read(offset + start, target[..(int)available]);
                Normalize(target[..(read - (read % Format.BytesPerSample))]);
            }
        }
    }

    /// <summary>Decodes one chunk into <paramref name="chunk"/>; false for a chunk the file does not store (it reads as 0).</summary>
    private bool DecodeChunk(int plane, long row, long col, Span<byte> chunk)
    {
        var index = Page.ChunkIndex(plane, row, col);
        if (index >= Page.DataOffsets.Length)
        {
            return false;
        }

        var offset = Page.DataOffsets[index];
        var count = index < Page.DataByteCounts.Length ? Page.DataByteCounts[index] : -1;
        if (count == 0)
        {
            return false;
        }

        if (_decoder is null)
        {
            count = count < 0 ? _chunkBytes : Math.Min(count, _chunkBytes);
        }
        else if (count < 0)
        {
            throw new InvalidDataException($"chunk {index} has no byte count");
        }

        if (offset < 0 || count > Math.Min(_file.Length, Array.MaxLength) || offset > _file.Length - count)
        {
            throw new InvalidDataException($"chunk {index} ({count} bytes at offset {offset}) lies beyond the end of the file ({_file.Length} bytes)");
        }

        var stored = ArrayPool<byte>.Shared.Rent((int)count);
        try
        {
            var source = stored.AsSpan(0, (int)count);
            if (_file.Read(offset, source) != source.Length)
            {
                throw new InvalidDataException($"chunk {index} at offset {offset} is truncated");
            }

            var written = _decoder is null ? Copy(source, chunk) : Decode(index, source, chunk);
            chunk[written..].Clear();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }

        Normalize(chunk);
        return true;
    }

    private int Decode(long index, ReadOnlySpan<byte> source, Span<byte> chunk)
    {
        try
        {
            return _decoder!.Decode(source, chunk);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"chunk {index} does not decode: {error.Message}", error);
        }
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> chunk)
    {
        source.CopyTo(chunk);
        return source.Length;
    }

    /// <summary>Brings samples to little-endian and undoes horizontal differencing, which works on sample values.</summary>
    private void Normalize(Span<byte> chunk)
    {
        var rowSamples = _chunkWidth * _chunkSamples;
        if (Format.Type == PixelType.UInt8)
        {
            if (Page.Predictor == HorizontalDifferencing)
            {
                HorizontalPredictor.Undo(chunk, rowSamples, _chunkSamples);
            }

            return;
        }

        var samples = MemoryMarshal.Cast<byte, ushort>(chunk);
        if (_file.ByteOrder == TiffByteOrder.BigEndian)
        {
            BinaryPrimitives.ReverseEndianness(samples, samples);
        }

        if (Page.Predictor == HorizontalDifferencing)
        {
            HorizontalPredictor.Undo(samples, rowSamples, _chunkSamples);
        }
    }

    private void CopyChunk(ReadOnlySpan<byte> chunk, ChunkCell cell, int plane, (long Start, long End) rows, (long Start, long End) cols, Span<byte> destination, long x, long y, int width)
    {
        var pixelBytes = Format.BytesPerPixel;
        var sampleBytes = Format.BytesPerSample;
        var chunkPixelBytes = _chunkSamples * sampleBytes;
        var pixels = (int)(cols.End - cols.Start);
        for (var row = rows.Start; row < rows.End; row++)
        {
            var source = chunk.Slice((int)((((row - cell.Top) * _chunkWidth) + (cols.Start - cell.Left)) * chunkPixelBytes), pixels * chunkPixelBytes);
            var target = destination.Slice((int)((((row - y) * width) + (cols.Start - x)) * pixelBytes), pixels * pixelBytes);
            if (Page.ChunkPlanes == 1)
            {
                source.CopyTo(target);
                continue;
            }

            for (var pixel = 0; pixel < pixels; pixel++)
            {
                source.Slice(pixel * sampleBytes, sampleBytes).CopyTo(target[((pixel * pixelBytes) + (plane * sampleBytes))..]);
            }
        }
    }

    private readonly record struct ChunkCell(long Top, long Left);
}
