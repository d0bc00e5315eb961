using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>
/// Compiles C against WinFsp's headers for Windows x64 with mingw-w64 (nothing runs: the program is never linked).
/// Each value the binding declares becomes a static assertion, so gcc names every one that differs; the bytes of
/// volume parameters with one bitfield set are read back from the object file.
/// </summary>
internal static partial class WinFspHeaderProbe
{
    public const string HeaderDirectory = "../shared/winfsp/inc";
    private const string Compiler = "x86_64-w64-mingw32-gcc";
    private const string ObjectCopy = "x86_64-w64-mingw32-objcopy";

    /// <summary>The headers, found from the repository's parent folder upwards from the test's working folder.</summary>
    public static string Headers
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "winfsp", "inc");
                if (File.Exists(Path.Combine(candidate, "winfsp", "winfsp.h")))
                {
                    return candidate;
                }
            }

            Assert.Fail($"WinFsp's headers are missing: the layout tests read them from {HeaderDirectory} (next to the repository).");
            return string.Empty;
        }
    }

    /// <summary>The expressions whose value differs from the binding's, as "expr: binding N".</summary>
    public static IReadOnlyList<string> Mismatches(IEnumerable<(string C, long Managed)> entries)
    {
        var source = new StringBuilder(Prelude);
        foreach (var (c, managed) in entries)
        {
            source.Append(CultureInfo.InvariantCulture, $"_Static_assert((long long)({c}) == {managed}LL, \"{c}: binding {managed}\");\n");
        }

        var (exitCode, error) = Compile(source.ToString(), out _);
        var failures = FailedAssertion().Matches(error).Select(match => match.Groups[1].Value).ToList();
        Assert.True(exitCode == 0 || failures.Count > 0, $"{Compiler} failed:\n{error}");
        return failures;
    }

    /// <summary>The bytes of FSP_FSCTL_VOLUME_PARAMS with only <paramref name="bitfield"/> set to 1.</summary>
    public static byte[] VolumeParamsWith(string bitfield)
    {
        var source = Prelude + $"__attribute__((section(\".probe\"))) const FSP_FSCTL_VOLUME_PARAMS probe = {{ .{bitfield} = 1 }};\n";
        var (exitCode, error) = Compile(source, out var section);
        Assert.True(exitCode == 0, $"{Compiler} failed:\n{error}");
        return section;
    }

    private const string Prelude = """
        #include <assert.h>
        #include <stddef.h>
        #include <windows.h>
        /* fsctl.h declares _ReadWriteBarrier as MSVC does; mingw-w64 has it as a macro. */
        #undef _ReadWriteBarrier
        #include <winfsp/winfsp.h>

        """;

    private static (int ExitCode, string Error) Compile(string source, out byte[] probeSection)
    {
        var directory = Directory.CreateTempSubdirectory("padofs-winfsp-probe-");
        try
        {
            var file = Path.Combine(directory.FullName, "probe.c");
            var objectFile = Path.Combine(directory.FullName, "probe.o");
            var sectionFile = Path.Combine(directory.FullName, "probe.bin");
            File.WriteAllText(file, source);
            var (exitCode, error) = Run(Compiler, "-w", "-I" + Headers, "-c", "-o", objectFile, file);
            probeSection = [];
            if (exitCode == 0 && Run(ObjectCopy, "-O", "binary", "--only-section=.probe", objectFile, sectionFile).ExitCode == 0 && File.Exists(sectionFile))
            {
                probeSection = File.ReadAllBytes(sectionFile);
            }

            return (exitCode, error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Error) Run(string program, params string[] arguments) =>
        ToolRun.ToEnd(ToolRun.StartOf(program, arguments), "the WinFsp layout tests need Debian's gcc-mingw-w64-x86-64 (scripts/setup.sh).");

    [GeneratedRegex("static assertion failed: \"([^\"]*)\"")]
    private static partial Regex FailedAssertion();
}
