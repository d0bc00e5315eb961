using System.Diagnostics;
using System.Reflection;

namespace PadoFs.Testing;

/// <summary>Runs the <c>padofs</c> executable built beside these tests, the way users run it.</summary>
public static class PadofsCommand
{
    private static readonly Lazy<string> s_executable = new(Locate);

    public static string Executable => s_executable.Value;

    /// <summary>Runs padofs to the end and returns its exit code and output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>Runs padofs to the end with these environment variables added, and returns its exit code and output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Start(arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"padofs {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts padofs; with a <paramref name="launcher"/> (a command and its arguments) through it, as <c>setpriv ... padofs</c>;
    /// in <paramref name="workingFolder"/> when given.
    /// </summary>
    public static Process Start(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? launcher = null,
        string? workingFolder = null)
    {
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder ?? string.Empty,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var argument in launcher.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(Executable);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Cannot start padofs.");
    }

    private static string Locate()
    {
        var configuration = typeof(PadofsCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PadoFs.Cli", "bin", configuration, "net10.0", "padofs");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The padofs executable ({configuration}) is not built; build the solution first.");
    }
}
