namespace PadoFs.Zarr;

/// <summary>How a slide's arrays are laid out: the order of their axes and the convention their metadata follows.</summary>
public sealed record ZarrLayout(AxisOrder Axes, MetadataConvention Metadata)
{
    /// <summary>(y, x, samples) arrays: the arrays, chunks and keys pado's <c>get_zarr_store</c> (tifffile) gives.</summary>
    public static ZarrLayout Pado { get; } = new(AxisOrder.SamplesLast, MetadataConvention.Tifffile);

    /// <summary>(c, y, x) arrays with OME-NGFF metadata, which QuPath and napari-ome-zarr need.</summary>
    public static ZarrLayout OmeNgff { get; } = new(AxisOrder.ChannelsFirst, MetadataConvention.OmeNgff);
}
