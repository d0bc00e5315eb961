namespace PadoFs.Images.Records;

/// <summary>pado's serialized image keys, in the order a record is written.</summary>
public static class ImageRecordKeys
{
    public const string Urlpath = "urlpath";
    public const string Width = "width";
    public const string Height = "height";
    public const string ObjectivePower = "objective_power";
    public const string MppX = "mpp_x";
    public const string MppY = "mpp_y";
    public const string Downsamples = "downsamples";
    public const string Vendor = "vendor";
    public const string Comment = "comment";
    public const string QuickHash1 = "quickhash1";
    public const string BackgroundColor = "background_color";
    public const string BoundsX = "bounds_x";
    public const string BoundsY = "bounds_y";
    public const string BoundsWidth = "bounds_width";
    public const string BoundsHeight = "bounds_height";
    public const string ExtraJson = "extra_json";
    public const string SizeBytes = "size_bytes";
    public const string Md5Computed = "md5_computed";
    public const string TimeLastAccess = "time_last_access";
    public const string TimeLastModified = "time_last_modified";
    public const string TimeStatusChanged = "time_status_changed";
    public const string PadoImageBackend = "pado_image_backend";
    public const string PadoImageBackendVersion = "pado_image_backend_version";

    /// <summary>Not one of pado's image fields: the id a dataset files the image under, which names its mounted folder.</summary>
    public const string ImageId = "image_id";

    /// <summary>Every key of a full record, in pado's order (without <see cref="ImageId"/>).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Urlpath, Width, Height, ObjectivePower, MppX, MppY, Downsamples, Vendor, Comment, QuickHash1,
        BackgroundColor, BoundsX, BoundsY, BoundsWidth, BoundsHeight, ExtraJson, SizeBytes, Md5Computed,
        TimeLastAccess, TimeLastModified, TimeStatusChanged, PadoImageBackend, PadoImageBackendVersion,
    ];
}
