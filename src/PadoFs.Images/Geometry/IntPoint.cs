namespace PadoFs.Images.Geometry;

/// <summary>An integer 2D point, optionally tagged with the mpp its coordinates are in (pado's <c>IntPoint</c>).</summary>
public readonly record struct IntPoint(long X, long Y, Mpp? Mpp = null)
{
    public static IntPoint Origin => default;
}
