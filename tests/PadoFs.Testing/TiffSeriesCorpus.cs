using Xunit;

namespace PadoFs.Testing;

/// <summary>
/// The TIFFs make_tiff_series_corpus.py writes with tifffile, which tifffile reads as shaped, ImageJ and qptiff series
/// (the script checks each is of its kind), made once per test class that uses them.
/// </summary>
public sealed class TiffSeriesCorpus() : GeneratedCorpus("make_tiff_series_corpus.py")
{
    /// <summary>The names of the files the corpus holds, each with tifffile's kind of its series 0.</summary>
    public static IReadOnlyList<(string Name, string Kind)> Files { get; } =
    [
        ("shaped-czyx-uint16.tif", "shaped"), ("shaped-qqyx-uint16.tif", "shaped"), ("shaped-rgb-stack.tif", "shaped"),
        ("imagej-tzcyx-uint16.tif", "imagej"), ("imagej-tzyx-float32.tif", "imagej"), ("qptiff-cyx-uint8.qptiff", "qpi"),
    ];

    /// <summary>The files whose axes OME-NGFF names (t, c, z, y, x and samples): the ones without tifffile's Q.</summary>
    public static IReadOnlyList<string> NgffFiles { get; } =
        [.. Files.Select(file => file.Name).Where(name => name is not ("shaped-qqyx-uint16.tif" or "shaped-rgb-stack.tif"))];

    public static TheoryData<string, string> NamesAndKinds
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (name, kind) in Files)
            {
                data.Add(name, kind);
            }

            return data;
        }
    }

    /// <summary>Every file in the pado layout, and the files OME-NGFF can name in the ome-ngff layout.</summary>
    public static TheoryData<string, string> NamesAndLayouts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (name, _) in Files)
            {
                data.Add(name, "pado");
            }

            foreach (var name in NgffFiles)
            {
                data.Add(name, "ome-ngff");
            }

            return data;
        }
    }
}
