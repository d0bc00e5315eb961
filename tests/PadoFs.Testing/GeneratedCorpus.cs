namespace PadoFs.Testing;

/// <summary>A folder of files an oracle script writes (given the folder), made once, on first use, per test class that uses it.</summary>
public abstract class GeneratedCorpus : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly Lazy<string> _made;

    protected GeneratedCorpus(string script) => _made = new(() =>
    {
        Python.RunOracle(script, _directory.Path);
        return _directory.Path;
    });

    /// <summary>The folder the corpus is written to, made on first use.</summary>
    public string Directory => _made.Value;

    public string PathOf(string name) => System.IO.Path.Combine(_made.Value, name);

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
