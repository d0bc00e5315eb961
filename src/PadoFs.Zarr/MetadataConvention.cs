namespace PadoFs.Zarr;

/// <summary>Whose conventions a slide's metadata documents and chunk keys follow.</summary>
public enum MetadataConvention
{
    /// <summary>tifffile's: its arrays' documents, axis names and fill value, its multiscales without NGFF axes, flat keys in zarr v2.</summary>
    Tifffile,

    /// <summary>OME-NGFF: 0.4 with nested keys in zarr v2, 0.5 in zarr v3; <c>omero</c> channel colours.</summary>
    OmeNgff,
}
