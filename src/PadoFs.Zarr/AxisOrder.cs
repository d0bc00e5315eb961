namespace PadoFs.Zarr;

/// <summary>The order of an image's axes in its arrays.</summary>
public enum AxisOrder
{
    /// <summary>(y, x, samples) with the samples interleaved as stored, (y, x) for single-sample images: tifffile's arrays.</summary>
    SamplesLast,

    /// <summary>(c, y, x): one plane per channel, the order OME-NGFF requires.</summary>
    ChannelsFirst,
}
