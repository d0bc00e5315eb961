namespace PadoFs.Images.Dicom;

/// <summary>
/// Where each frame of an instance's pixel data lies in the file: one or more pieces (fragments of encapsulated
/// data, or one slice of native data), each an offset and a length. Nothing of the pixel data itself is read.
/// </summary>
public sealed class DicomFrameTable
{
    private readonly long[] _pieceOffsets;
    private readonly int[] _pieceLengths;
    private readonly int[] _firstPiece;

    internal DicomFrameTable(long[] pieceOffsets, int[] pieceLengths, int[] firstPiece)
    {
        _pieceOffsets = pieceOffsets;
        _pieceLengths = pieceLengths;
        _firstPiece = firstPiece;
    }

    public int FrameCount => _firstPiece.Length - 1;

    /// <summary>The bytes stored for a frame: its fragments' lengths summed.</summary>
    public long StoredLength(int frame)
    {
        long sum = 0;
        for (var piece = _firstPiece[frame]; piece < _firstPiece[frame + 1]; piece++)
        {
            sum += _pieceLengths[piece];
        }

        return sum;
    }

    public int PieceCount(int frame) => _firstPiece[frame + 1] - _firstPiece[frame];

    public (long Offset, int Length) Piece(int frame, int index) =>
        (_pieceOffsets[_firstPiece[frame] + index], _pieceLengths[_firstPiece[frame] + index]);
}
