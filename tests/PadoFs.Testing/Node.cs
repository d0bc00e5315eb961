using System.Diagnostics;

namespace PadoFs.Testing;

/// <summary>
/// Runs the independent JavaScript readers (zarrita) of tests/oracles-js with the machine's node, from that folder,
/// whose node_modules <c>scripts/setup.sh</c> installs with <c>npm ci</c>.
/// </summary>
public static class Node
{
    public const string Executable = "node";

    private static readonly Lazy<string> s_oracles = new(Locate);

    /// <summary>tests/oracles-js, with its node_modules installed.</summary>
    public static string OraclesFolder => s_oracles.Value;

    /// <summary>Runs an oracle script with arguments and returns its standard output; fails on a non-zero exit.</summary>
    public static string RunOracle(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = s_oracles.Value,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(s_oracles.Value, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Executable}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PadoFs.sln")))
            {
                var oracles = Path.Combine(dir.FullName, "tests", "oracles-js");
                return Directory.Exists(Path.Combine(oracles, "node_modules"))
                    ? oracles
                    : throw new InvalidOperationException($"The JavaScript readers are not installed: run scripts/setup.sh (npm ci in {oracles}).");
            }
        }

        throw new InvalidOperationException("Cannot find the project root (PadoFs.sln) above the test binaries.");
    }
}
