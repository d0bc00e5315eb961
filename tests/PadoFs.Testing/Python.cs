using System.Diagnostics;

namespace PadoFs.Testing;

/// <summary>
/// Runs the independent readers (openslide-python, tifffile, zarr-python) through Debian's
/// /usr/bin/python3, which has them, whatever python comes first on PATH.
/// </summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    private static string OraclesDirectory => Path.Combine(AppContext.BaseDirectory, "oracles");

    /// <summary>Runs an oracle script with arguments and returns its standard output; fails on a non-zero exit.</summary>
    public static string RunOracle(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(OraclesDirectory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Interpreter}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }
}
