namespace PadoFs.Zarr;

/// <summary>The order of an image's axes in its arrays.</summary>
public enum AxisOrder
{
    /// <summary>The axes tifffile gives the series, samples interleaved last as stored: (y, x, samples), (y, x) for single-sample images.</summary>
    SamplesLast,

    /// <summary>(t, c, z, y, x) less the axes the image lacks, c always: one plane per channel, the order OME-NGFF requires.</summary>
    ChannelsFirst,
}
