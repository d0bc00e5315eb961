namespace PadoFs.Images.Geometry;

/// <summary>A positive integer 2D size, optionally tagged with the mpp it is measured in (pado's <c>IntSize</c>).</summary>
public readonly record struct IntSize
{
    public IntSize(int x, int y, Mpp? mpp = null)
    {
        if (x <= 0 || y <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"A size must be positive, got ({x}, {y}).");
        }

        X = x;
        Y = y;
        Mpp = mpp;
    }

    public int X { get; }

    public int Y { get; }

    public Mpp? Mpp { get; }

    public int Width => X;

    public int Height => Y;
}
