namespace PadoFs.Images.Tests.Tiff;

/// <summary>The small files oracle tiff_edge_cases.py writes into a temporary directory, once per test class.</summary>
public sealed class TiffEdgeCaseFiles : OracleFileSet
{
    /// <summary>Every file the oracle writes (the oracle's own list is checked against this one).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "bigtiff-tiled-deflate.tif",
        "big-endian-strips-uint16.tif",
        "big-endian-bigtiff-tiled-uint16.tif",
        "planar-separate-tiled.tif",
        "planar-separate-strips-uint16.tif",
        "strips-rgb-uncompressed.tif",
        "reduced-pages-pyramid.tif",
        "subifd-pyramid.tif",
        "strips-pyramid.tif",
        "stack-and-second-image.tif",
        "two-images-with-levels.tif",
        "aperio-like.svs",
        "pillow-lzw-predictor-rgb.tif",
        "pillow-lzw-predictor-uint16.tif",
        "pillow-packbits-rgb.tif",
        "pillow-lzw-gray.tif",
    ];

    public TiffEdgeCaseFiles()
        : base("tiff_edge_cases.py")
    {
    }

    public static TheoryData<string> NameData => new(Names);
}
