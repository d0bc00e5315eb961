using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>The TIFFs make_tiff_corpus.py writes with tifffile and libvips, made once per test class that uses them.</summary>
public sealed class TiffCorpus : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly Lazy<string> _made;

    public TiffCorpus() => _made = new(() =>
    {
        Python.RunOracle("make_tiff_corpus.py", _directory.Path);
        return _directory.Path;
    });

    public static TheoryData<string> Names =>
    [
        "ome-cyx-uint16-subifds.ome.tif", "ome-rgb-jpeg-subifds.ome.tif", "planar-rgb-subifds.tif", "rgba-pages.tif",
        "gray8-pages.tif", "gray16-bigtiff-pages.tif",
    ];

    public string PathOf(string name) => System.IO.Path.Combine(_made.Value, name);

    public void Dispose() => _directory.Dispose();
}
