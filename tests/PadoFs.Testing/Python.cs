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
    public static string RunOracle(string script, params string[] arguments) =>
        Run([Path.Combine(OraclesDirectory, script), .. arguments], standardInput: null);

    /// <summary>Runs an oracle script fed <paramref name="standardInput"/> and returns its standard output; fails on a non-zero exit.</summary>
    public static string RunOracleWithInput(string script, string standardInput, params string[] arguments) =>
        Run([Path.Combine(OraclesDirectory, script), .. arguments], standardInput);

    /// <summary>Runs a snippet of python, feeding <paramref name="standardInput"/>, and returns its standard output.</summary>
    public static string RunCode(string code, string standardInput) => Run(["-c", code], standardInput);

    private static string Run(IReadOnlyList<string> arguments, string? standardInput)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Interpreter}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(standardInput ?? string.Empty);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
