using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Files an oracle script writes into a temporary directory, once per test class, and the names it says it wrote.</summary>
public abstract class OracleFileSet : IDisposable
{
    protected OracleFileSet(string script, params string[] arguments)
    {
        Written = JsonSerializer.Deserialize<string[]>(Python.RunOracle(script, [.. arguments, Directory.Path])) ?? [];
    }

    public TemporaryDirectory Directory { get; } = new();

    public IReadOnlyList<string> Written { get; }

    public string PathOf(string name) => Directory.File(name);

    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
