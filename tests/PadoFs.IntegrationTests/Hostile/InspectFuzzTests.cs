using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.IntegrationTests.Hostile;

/// <summary>
/// <c>padofs inspect</c> on a few hundred broken copies of the shared slides: every one is refused in one line
/// or still read as a slide, and none crashes, hangs or takes a gigabyte.
/// </summary>
[Trait("Category", "Fast")]
public sealed class InspectFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 14;
    private const int MutantCount = 360;
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromSeconds(10);
    private const long MemoryLimitKiB = 1L << 20;

    [Fact]
    public void Inspect_refuses_every_broken_slide_in_one_line_without_crashing()
    {
        using var folder = new TemporaryDirectory();
        var mutants = new SlideMutator(Seed).Write(folder.Path, SlideMutator.Sources, MutantCount);
        var runs = new ConcurrentBag<(SlideMutant Mutant, InspectRun Run)>();
        Parallel.ForEach(mutants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, mutant => runs.Add((mutant, InspectRun.Of(mutant.Path, s_timeLimit))));

        var problems = new List<string>();
        foreach (var (mutant, run) in runs.OrderBy(r => r.Mutant.Path, StringComparer.Ordinal))
        {
            var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (run.TimedOut)
            {
                problems.Add($"{mutant}: still running after {s_timeLimit.TotalSeconds} s");
            }
            else if (run.Signal is { } signal)
            {
                problems.Add($"{mutant}: killed by signal {signal}; stderr: {Tail(run.Stderr)}");
            }
            else if (run.Stderr.Contains("   at ", StringComparison.Ordinal))
            {
                problems.Add($"{mutant}: stack trace: {Tail(run.Stderr)}");
            }
            else if (run.ExitCode != 0 && lines.Length != 1)
            {
                problems.Add($"{mutant}: exit {run.ExitCode} with {lines.Length} lines on stderr: {Tail(run.Stderr)}");
            }
            else if (run.ExitCode == 0 && lines.Length != 0)
            {
                problems.Add($"{mutant}: read as a slide, but stderr says: {Tail(run.Stderr)}");
            }

            if (run.MaxResidentKiB > MemoryLimitKiB)
            {
                problems.Add($"{mutant}: peak memory {run.MaxResidentKiB / 1024} MiB");
            }
        }

        var all = runs.Select(r => r.Run).ToList();
        var slowest = runs.MaxBy(r => r.Run.Elapsed);
        var largest = runs.MaxBy(r => r.Run.MaxResidentKiB);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{all.Count} mutants: {all.Count(r => r.ExitCode != 0)} refused, {all.Count(r => r.ExitCode == 0)} still read as slides; slowest {slowest.Run.Elapsed.TotalSeconds:0.00} s ({slowest.Mutant}), peak memory {largest.Run.MaxResidentKiB / 1024} MiB ({largest.Mutant})"));
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(all, r => r.ExitCode != 0);
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[..600].Trim() + "...";

    /// <summary>One run of <c>padofs inspect</c> under <c>/usr/bin/time -v</c>, which reports the peak memory and a signal.</summary>
    private sealed record InspectRun(int ExitCode, string Stderr, TimeSpan Elapsed, long MaxResidentKiB, int? Signal, bool TimedOut)
    {
        public static InspectRun Of(string slide, TimeSpan limit)
        {
            var statistics = slide + ".time";
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-v", "-o", statistics, PadofsCommand.Executable, "inspect", slide })
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start /usr/bin/time.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var timedOut = !process.WaitForExit(limit);
            if (timedOut)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            var elapsed = clock.Elapsed;
            _ = stdout.Result;
            var report = File.Exists(statistics) ? File.ReadAllLines(statistics) : [];
            File.Delete(statistics);
            File.Delete(slide);
            return new InspectRun(process.ExitCode, stderr.Result, elapsed, ReportValue(report, "Maximum resident set size (kbytes):") ?? 0, (int?)ReportValue(report, "Command terminated by signal"), timedOut);
        }

        private static long? ReportValue(string[] report, string label)
        {
            foreach (var line in report)
            {
                var at = line.IndexOf(label, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return long.Parse(line[(at + label.Length)..].Trim(), CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
    }
}
