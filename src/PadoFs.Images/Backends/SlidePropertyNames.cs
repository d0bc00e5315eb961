namespace PadoFs.Images.Backends;

/// <summary>
/// Names of the properties every backend reports the same way. They are OpenSlide's standard names,
/// which pado's metadata fields are read from as well.
/// </summary>
public static class SlidePropertyNames
{
    public const string Vendor = "openslide.vendor";
    public const string Comment = "openslide.comment";
    public const string QuickHash1 = "openslide.quickhash-1";
    public const string BackgroundColor = "openslide.background-color";
    public const string ObjectivePower = "openslide.objective-power";
    public const string MppX = "openslide.mpp-x";
    public const string MppY = "openslide.mpp-y";
    public const string BoundsX = "openslide.bounds-x";
    public const string BoundsY = "openslide.bounds-y";
    public const string BoundsWidth = "openslide.bounds-width";
    public const string BoundsHeight = "openslide.bounds-height";
}
