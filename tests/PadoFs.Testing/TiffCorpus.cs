using Xunit;

namespace PadoFs.Testing;

/// <summary>The TIFFs make_tiff_corpus.py writes with tifffile and libvips, made once per test class that uses them.</summary>
public sealed class TiffCorpus() : GeneratedCorpus("make_tiff_corpus.py")
{
    /// <summary>An OME-TIFF of two images, each a pyramid of its own: tifffile's series 0 and 1.</summary>
    public const string TwoImagesOmeTiff = "ome-two-images.ome.tif";

    /// <summary>The names of the files the corpus holds.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "ome-cyx-uint16-subifds.ome.tif", "ome-rgb-jpeg-subifds.ome.tif", "planar-rgb-subifds.tif", "rgba-pages.tif",
        "gray8-pages.tif", "gray16-bigtiff-pages.tif", "int16-pages.tif", "float32-pages.tif", "zstd-rgb-pyramid.tif",
        "webp-rgb-pyramid.tif", TwoImagesOmeTiff,
    ];

    public static TheoryData<string> Names => new(Files);

    /// <summary>Every file of the corpus in either layout, as a test's data.</summary>
    public static TheoryData<string, string> NamesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in Files)
            {
                data.Add(name, "pado");
                data.Add(name, "ome-ngff");
            }

            return data;
        }
    }
}
