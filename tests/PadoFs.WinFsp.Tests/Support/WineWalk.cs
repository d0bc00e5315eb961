using PadoFs.Testing;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>What one run of padofs.exe under Wine left: its exit code and log, and what the stand-in's dispatcher saw.</summary>
public sealed class WineWalk : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    /// <summary>The folder the stand-in writes to (PADOFS_STANDIN_OUT).</summary>
    public string Folder => _folder.Path;

    /// <summary>Every file of the volume as read through the dispatcher, at its path.</summary>
    public string Tree => _folder.File("tree");

    public int ExitCode { get; private set; }

    public string Log { get; private set; } = string.Empty;

    /// <summary>Every unexpected status or value the dispatcher met, one per line.</summary>
    public string Problems => ReadOrMissing("problems.txt");

    /// <summary>The WinFsp entry points padofs.exe called, in order.</summary>
    public IReadOnlyList<string> Lifecycle => ReadOrMissing("lifecycle.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A folder or file line per node, in the order of the listings.</summary>
    public IReadOnlyList<string> Listing => ReadOrMissing("listing.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string File(string name) => _folder.File(name);

    public void Ended(int exitCode, string log)
    {
        ExitCode = exitCode;
        Log = log;
    }

    public void Dispose() => _folder.Dispose();

    private string ReadOrMissing(string name) =>
        System.IO.File.Exists(File(name)) ? System.IO.File.ReadAllText(File(name)) : $"({name} is missing)";
}
