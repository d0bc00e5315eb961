namespace PadoFs.Zarr;

/// <summary>How a slide's arrays are laid out.</summary>
public enum ZarrLayout
{
    /// <summary>(y, x, samples) arrays: the arrays, chunks and keys pado's <c>get_zarr_store</c> (tifffile) gives.</summary>
    Pado,

    /// <summary>(c, y, x) arrays with OME-NGFF 0.4 metadata, which QuPath and napari-ome-zarr need.</summary>
    OmeNgff,
}
