namespace PadoFs.Testing;

/// <summary>nginx on loopback serving copies of the shared TIFF slides (and broken.svs, no TIFF) from a folder the tests may change.</summary>
public sealed class HttpSlideServer : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public HttpSlideServer()
    {
        foreach (var name in SharedSlides.TiffFiles.Append("broken.svs"))
        {
            File.Copy(SharedSlides.PathOf(name), _root.File(name));
        }

        Nginx = new NginxServer(_root.Path);
    }

    public NginxServer Nginx { get; }

    public string PathOf(string name) => _root.File(name);

    public void Dispose()
    {
        Nginx.Dispose();
        _root.Dispose();
    }
}
