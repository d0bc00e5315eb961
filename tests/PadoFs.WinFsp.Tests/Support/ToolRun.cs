using System.Diagnostics;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>Runs a tool these tests need (a compiler, dotnet, Wine) to the end; a missing tool fails the test saying what to install.</summary>
internal static class ToolRun
{
    public static (int ExitCode, string Output) ToEnd(ProcessStartInfo start, string installHint)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"{start.FileName} cannot be run ({exception.Message}): {installHint}");
            throw;
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in 5 minutes.");
            }

            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }

    /// <summary>A start of <paramref name="program"/> with <paramref name="arguments"/>, each passed as it is.</summary>
    public static ProcessStartInfo StartOf(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
