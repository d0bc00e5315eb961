namespace PadoFs.Images.Tests.Tiff;

/// <summary>The pages of every sample format and codec that oracle tiff_page_pixels.py writes, once per test class.</summary>
public sealed class TiffPageCorpus : OracleFileSet
{
    /// <summary>Every file the oracle writes (the oracle's own list is checked against this one).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "int8-tiled-deflate-predictor.tif",
        "int16-strips-big-endian-predictor.tif",
        "uint32-tiled.tif",
        "int32-strips-big-endian-deflate.tif",
        "float32-tiled-deflate.tif",
        "float64-strips-big-endian.tif",
        "float16-tiled-deflate.tif",
        "float16-strips-big-endian.tif",
        "uint16-planar-rgb-tiled-predictor.tif",
        "int16-planar-strips-big-endian.tif",
        "rgba-tiled-deflate.tif",
        "uint32-rgba-strips-big-endian.tif",
        "min-is-white-uint8.tif",
        "palette-uint8.tif",
        "float32-tiled-float-predictor.tif",
        "float32-strips-float-predictor-lzw.tif",
        "zstd-rgb-tiled-predictor.tif",
        "zstd-uint16-strips.tif",
        "zstd-int16-tiled-predictor.tif",
        "webp-rgb-tiled.tif",
        "webp-rgba-tiled-lossless.tif",
        "jp2k-rgb-tiled.tif",
        "jp2k-uint16-tiled-lossless.tif",
        "jp2k-rgb-tiled-34712.tif",
        "lzw-rgb-strips-predictor.tif",
        "jpeg-grey-alpha-tiled.tif",
        "jpeg-4-samples-strips.tif",
        "jpeg-grey-alpha-planar-tiled.tif",
    ];

    public TiffPageCorpus()
        : base("tiff_page_pixels.py", "corpus")
    {
    }

    public static TheoryData<string> NameData => new(Names);
}
