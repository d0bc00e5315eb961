using System.Diagnostics;
using PadoFs.Testing;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>
/// A Wine prefix of its own (a fresh C: drive and registry, made by wineboot), in which Windows programs run with no
/// display and no Wine diagnostics. Wine shows the Linux root as drive Z:.
/// </summary>
internal sealed class WinePrefix : IDisposable
{
    private const string Launcher = "wine";
    private readonly TemporaryDirectory _folder = new();

    public WinePrefix()
    {
        var (exitCode, output) = RunToEnd("wineboot", ["-i"]);
        Assert.True(exitCode == 0, $"wineboot failed ({exitCode}):\n{output}");
    }

    /// <summary>The path a Windows program under Wine gives for <paramref name="path"/>.</summary>
    public static string WindowsPath(string path) => "Z:" + Path.GetFullPath(path).Replace('/', '\\');

    /// <summary>Runs a Windows program of the prefix (reg, or an .exe by its path) to the end; its exit code and output.</summary>
    public (int ExitCode, string Output) Run(params string[] arguments) => RunToEnd(Launcher, arguments);

    /// <summary>Starts a Windows program with these environment variables added; its output and errors are redirected.</summary>
    public Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(Launcher, arguments);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Cannot start wine.");
    }

    public void Dispose()
    {
        try
        {
            RunToEnd("wineserver", ["-k"]);
        }
        finally
        {
            _folder.Dispose();
        }
    }

    private (int ExitCode, string Output) RunToEnd(string program, IReadOnlyList<string> arguments) =>
        ToolRun.ToEnd(StartInfo(program, arguments), "the Wine tests need Debian's wine and wine64 (scripts/setup.sh).");

    private ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var start = ToolRun.StartOf(program, arguments);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["WINEPREFIX"] = _folder.Path;
        start.Environment["WINEDEBUG"] = "-all";

        // Without a display Wine runs console programs as they are; with one it may open windows.
        start.Environment.Remove("DISPLAY");
        start.Environment.Remove("WAYLAND_DISPLAY");
        return start;
    }
}
