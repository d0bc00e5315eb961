using System.Runtime.CompilerServices;

namespace PadoFs.Images.Backends.Chunks;

/// <summary>
/// A chunk's index along every axis of its grid (T, C, Z, Y, X, S as tifffile names them), held inline so that a
/// chunk can be named, compared and hashed on the read path without allocating.
/// </summary>
public readonly struct ChunkCoordinates : IEquatable<ChunkCoordinates>
{
    /// <summary>The most axes a grid has: tifffile's T, C, Z, Y, X and S.</summary>
    public const int MaxRank = 6;

    private readonly Indices _indices;

    public ChunkCoordinates(ReadOnlySpan<int> indices)
    {
        if (indices.Length > MaxRank)
        {
            throw new ArgumentException($"A chunk has at most {MaxRank} indices, got {indices.Length}.", nameof(indices));
        }

        Rank = indices.Length;
        Span<int> own = _indices;
        indices.CopyTo(own);
    }

    public int Rank { get; }

    public int this[int axis] => (uint)axis < (uint)Rank
        ? _indices[axis]
        : throw new ArgumentOutOfRangeException(nameof(axis), axis, $"The chunk has {Rank} indices.");

    /// <summary>These coordinates with the index along <paramref name="rowAxis"/> and the next axis replaced.</summary>
    public ChunkCoordinates WithRowColumn(int rowAxis, int row, int column)
    {
        Span<int> indices = stackalloc int[Rank];
        CopyTo(indices);
        indices[rowAxis] = row;
        indices[rowAxis + 1] = column;
        return new ChunkCoordinates(indices);
    }

    public void CopyTo(Span<int> destination) => ((ReadOnlySpan<int>)_indices)[..Rank].CopyTo(destination);

    public bool Equals(ChunkCoordinates other) =>
        Rank == other.Rank && ((ReadOnlySpan<int>)_indices).SequenceEqual(other._indices);

    public override bool Equals(object? obj) => obj is ChunkCoordinates other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Rank, _indices[0], _indices[1], _indices[2], _indices[3], _indices[4], _indices[5]);

    public override string ToString()
    {
        var handler = new DefaultInterpolatedStringHandler(2 + (Rank * 2), Rank, System.Globalization.CultureInfo.InvariantCulture);
        handler.AppendLiteral("(");
        for (var axis = 0; axis < Rank; axis++)
        {
            if (axis > 0)
            {
                handler.AppendLiteral(", ");
            }

            handler.AppendFormatted(_indices[axis]);
        }

        handler.AppendLiteral(")");
        return handler.ToStringAndClear();
    }

    public static bool operator ==(ChunkCoordinates left, ChunkCoordinates right) => left.Equals(right);

    public static bool operator !=(ChunkCoordinates left, ChunkCoordinates right) => !left.Equals(right);

    [InlineArray(MaxRank)]
    private struct Indices
    {
        private int _first;
    }
}
