using System.Diagnostics;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>Runs the plain tools (ls, stat, dd, python3, gcc) the tests check a mount with, never waiting forever.</summary>
internal static class Commands
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static ProcessResult Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {Timeout}.");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a command that must succeed and returns its standard output.</summary>
    public static string Output(string program, params string[] arguments)
    {
        var result = Run(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }

    /// <summary>Runs a python script given inline, with arguments, that must succeed.</summary>
    public static string PythonOutput(string script, params string[] arguments) => Output(Python, ["-c", script, .. arguments]);
}
