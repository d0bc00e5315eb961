namespace PadoFs.WinFsp.Tests.Support;

/// <summary>
/// What the Wine test runs: the real padofs.exe, published for win-x64 from the current sources (self-contained, as a
/// Windows machine without .NET needs it), and the WinFsp stand-in DLL, compiled from StandIn/winfsp-stand-in.c.
/// </summary>
internal static class WindowsBuild
{
    /// <summary>The stand-in's source, copied beside the tests.</summary>
    private static readonly string s_standInSource = Path.Combine(AppContext.BaseDirectory, "StandIn", "winfsp-stand-in.c");

    private static readonly Lazy<string> s_padofs = new(Publish);

    /// <summary>padofs.exe, published once per test run. The publish is incremental, so it is never older than the sources.</summary>
    public static string Padofs => s_padofs.Value;

    /// <summary>
    /// Compiles the stand-in as WinFsp installs its DLL: <paramref name="installDirectory"/>\bin\winfsp-x64.dll,
    /// the folder the registry's InstallDir names.
    /// </summary>
    public static void InstallStandIn(string installDirectory)
    {
        var bin = Directory.CreateDirectory(Path.Combine(installDirectory, "bin")).FullName;
        var (exitCode, output) = Run(
            "x86_64-w64-mingw32-gcc",
            ["-shared", "-O2", "-Wall", "-Wextra", "-Werror", "-isystem", WinFspHeaderProbe.Headers, "-o", Path.Combine(bin, "winfsp-x64.dll"), s_standInSource],
            workingDirectory: null);
        Assert.True(exitCode == 0, $"the WinFsp stand-in does not compile:\n{output}");
    }

    // Into a build folder of its own (--artifacts-path): a publish for another runtime must not rewrite the objects and
    // assemblies of the Linux build that the other tests load. The same folders and options as
    // scripts/publish-platforms.sh, so after that script (as in a whole test run) this publish is incremental.
    private static string Publish()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "publish", "win-x64");
        var (exitCode, log) = Run(
            "dotnet",
            ["publish", Path.Combine("src", "PadoFs.Cli", "PadoFs.Cli.csproj"), "--configuration", "Release", "--runtime", "win-x64", "--self-contained",
                "--artifacts-path", Path.Combine(root, "artifacts", "publish", "build"), "--output", output, "--verbosity", "quiet", "-nologo"],
            root);
        Assert.True(exitCode == 0, $"dotnet publish -r win-x64 failed:\n{log}");
        return Path.Combine(output, "padofs.exe");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PadoFs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository (PadoFs.sln) is not above the test's folder.");
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var start = ToolRun.StartOf(program, arguments);
        start.WorkingDirectory = workingDirectory ?? string.Empty;
        return ToolRun.ToEnd(start, "the Wine tests need the .NET SDK and Debian's gcc-mingw-w64-x86-64 (scripts/setup.sh).");
    }
}
