using System.Globalization;

namespace PadoFs.Images.Geometry;

/// <summary>
/// Micrometres per pixel along x and y, optionally with a tolerance for approximate matching
/// (pado's <c>MPP</c>): two values are equal when each axis differs by no more than
/// <c>atol + rtol * |value|</c>, taking the larger tolerance of the two.
/// </summary>
public readonly struct Mpp : IEquatable<Mpp>
{
    public Mpp(double x, double y, double relativeTolerance = 0, double absoluteTolerance = 0)
    {
        if (!(x > 0) || !(y > 0) || double.IsInfinity(x) || double.IsInfinity(y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"An mpp must be positive and finite, got ({x}, {y}).");
        }

        if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), "Tolerances must not be negative.");
        }

        X = x;
        Y = y;
        RelativeTolerance = relativeTolerance;
        AbsoluteTolerance = absoluteTolerance;
    }

    public double X { get; }

    public double Y { get; }

    public double RelativeTolerance { get; }

    public double AbsoluteTolerance { get; }

    public bool IsExact => RelativeTolerance == 0 && AbsoluteTolerance == 0;

    public static Mpp FromDouble(double xy) => new(xy, xy);

    /// <summary>The mpp of a level that is <paramref name="downsample"/> times coarser; tolerances are not carried over, as in pado.</summary>
    public Mpp Scale(double downsample) => new(X * downsample, Y * downsample);

    public Mpp WithTolerance(double relativeTolerance, double absoluteTolerance) =>
        new(X, Y, relativeTolerance, absoluteTolerance);

    public bool Equals(Mpp other)
    {
        var (toleranceX, toleranceY) = CombinedTolerance(other);
        return Math.Abs(X - other.X) <= toleranceX && Math.Abs(Y - other.Y) <= toleranceY;
    }

    public override bool Equals(object? obj) => obj is Mpp other && Equals(other);

    // Equality is approximate and so not transitive: no hash can separate values that may
    // compare equal, so every Mpp hashes alike and dictionaries keyed by it stay correct.
    public override int GetHashCode() => 0;

    public static bool operator ==(Mpp left, Mpp right) => left.Equals(right);

    public static bool operator !=(Mpp left, Mpp right) => !left.Equals(right);

    public static bool operator <(Mpp left, Mpp right)
    {
        var (toleranceX, toleranceY) = left.CombinedTolerance(right);
        return left.X < right.X - toleranceX && left.Y < right.Y - toleranceY;
    }

    public static bool operator >(Mpp left, Mpp right)
    {
        var (toleranceX, toleranceY) = left.CombinedTolerance(right);
        return left.X > right.X + toleranceX && left.Y > right.Y + toleranceY;
    }

    public static bool operator <=(Mpp left, Mpp right) => left < right || left == right;

    public static bool operator >=(Mpp left, Mpp right) => left > right || left == right;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Mpp({X}, {Y})");

    private (double X, double Y) CombinedTolerance(Mpp other)
    {
        var absolute = Math.Max(AbsoluteTolerance, other.AbsoluteTolerance);
        var relativeX = Math.Max(RelativeTolerance, other.RelativeTolerance * other.X / X);
        var relativeY = Math.Max(RelativeTolerance, other.RelativeTolerance * other.Y / Y);
        return (absolute + relativeX * Math.Abs(X), absolute + relativeY * Math.Abs(Y));
    }
}
