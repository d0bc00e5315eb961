using System.Buffers;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Pixels;

namespace PadoFs.Images.Backends.Dicom;

/// <summary>
/// The chunks of one level (or associated image) of a DICOM slide: one chunk per frame, on the tile grid of the
/// total pixel matrix, the frames of all instances of a concatenation together. A tile no frame covers (in a
/// TILED_SPARSE level) stores nothing and decodes to the background, white.
/// </summary>
internal sealed class DicomLevelChunks : IChunkSource
{
    public const byte Background = 255;

    private readonly DicomInstance[] _instances;
    private readonly int[] _tileInstance;
    private readonly int[] _tileFrame;

    /// <param name="instances">The instances of the level, in concatenation order, all of one tile and matrix size.</param>
    public DicomLevelChunks(IReadOnlyList<DicomInstance> instances)
    {
        _instances = [.. instances];
        var first = _instances[0];
        Grid = ChunkGrid.Planar(first.MatrixHeight, first.MatrixWidth, first.Decoder.Height, first.Decoder.Width, PixelFormat.Rgb8);
        var tiles = checked(Grid.ChunkRows * Grid.ChunkColumns);
        _tileInstance = new int[tiles];
        _tileFrame = new int[tiles];
        Array.Fill(_tileInstance, -1);
        for (var index = 0; index < _instances.Length; index++)
        {
            Place(index, tiles);
        }
    }

    public ChunkGrid Grid { get; }

    /// <summary>How many tiles of the grid no frame covers.</summary>
    public int MissingTiles => Array.FindAll(_tileInstance, instance => instance < 0).Length;

    public long StoredByteCount(in ChunkCoordinates chunk)
    {
        var tile = TileOf(chunk);
        return _tileInstance[tile] is var instance and >= 0 ? _instances[instance].Frames.StoredLength(_tileFrame[tile]) : 0;
    }

    public int ReadStoredBytes(in ChunkCoordinates chunk, Span<byte> destination)
    {
        var tile = TileOf(chunk);
        if (_tileInstance[tile] is not (var index and >= 0))
        {
            return 0;
        }

        var instance = _instances[index];
        var frame = _tileFrame[tile];
        var written = 0;
        for (var piece = 0; piece < instance.Frames.PieceCount(frame); piece++)
        {
            var (offset, length) = instance.Frames.Piece(frame, piece);
            var target = destination.Slice(written, length);
            var read = 0;
            while (read < length)
            {
                var count = RandomAccess.Read(instance.Handle, target[read..], offset + read);
                if (count <= 0)
                {
                    throw new InvalidDataException($"{instance.FileName} frame {frame + 1}: its {length} stored bytes at offset {offset} lie outside the file (truncated)");
                }

                read += count;
            }

            written += length;
        }

        return written;
    }

    public void Decode(in ChunkCoordinates chunk, Span<byte> destination)
    {
        destination = destination[..Grid.ChunkLength];
        var tile = TileOf(chunk);
        if (_tileInstance[tile] is not (var index and >= 0))
        {
            destination.Fill(Background);
            return;
        }

        var instance = _instances[index];
        var frame = _tileFrame[tile];
        var length = checked((int)instance.Frames.StoredLength(frame));
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var stored = rented.AsSpan(0, ReadStoredBytes(chunk, rented));
            try
            {
                instance.Decoder.Decode(stored, destination);
            }
            catch (InvalidDataException error)
            {
                throw new InvalidDataException($"{instance.FileName} frame {frame + 1}: {error.Message}", error);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int TileOf(in ChunkCoordinates chunk) => (chunk[Grid.RowAxis] * Grid.ChunkColumns) + chunk[Grid.RowAxis + 1];

    // The first instance that holds a tile serves it, as OpenSlide takes the first file of a concatenation that has it.
    private void Place(int index, int tiles)
    {
        var instance = _instances[index];
        var frames = instance.Frames.FrameCount;
        for (var frame = 0; frame < frames; frame++)
        {
            long tile = instance.FrameTiles is { } positions ? positions[frame] : instance.FrameOffset + frame;
            if (tile >= tiles)
            {
                throw new Images.Dicom.DicomFormatException($"{instance.FileName}: frame {frame + 1} of a TILED_FULL instance (frame offset {instance.FrameOffset}) is beyond the {tiles} tiles of its pixel matrix");
            }

            if (_tileInstance[tile] < 0)
            {
                _tileInstance[tile] = index;
                _tileFrame[tile] = frame;
            }
        }
    }
}
