using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.IntegrationTests.Hostile;

/// <summary>
/// One daemon mounts 60 broken slides beside a good one; reading every file of every broken one fails them one by
/// one, and afterwards the daemon still runs and serves the good slide exactly.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class MountedMutantsTests(ITestOutputHelper output)
{
    private const int Seed = 1414;
    private const int MutantCount = 60;
    private const string GoodSlide = "cmu-1-small-region.svs";

    // Small slides, so that every chunk of every mutant is read in a minute or less.
    private static readonly string[] s_sources = ["boxes.tiff", "small.svs", "test_orient3.tif", "small_la.tiff", "smalltif.tif", "qupath-cells.ome.tif", "ojpeg-tile.tif", GoodSlide, "tcga-cr-7395.svs", "ndpi-dapi.ndpi"];

    [Fact]
    public void Reading_every_chunk_of_60_broken_slides_leaves_the_daemon_serving_the_good_one_exactly()
    {
        using var folder = new TemporaryDirectory();
        var mutants = new SlideMutator(Seed).Write(folder.Path, s_sources, MutantCount);
        object[] images = [.. mutants.Select(m => (object)new { urlpath = m.Path }), new { urlpath = SharedSlides.PathOf(GoodSlide) }];
        using var daemon = MountedDaemon.Start(images);

        var clock = Stopwatch.StartNew();
        var reads = new ConcurrentDictionary<SlideMutant, Walk>();
        Parallel.ForEach(mutants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, mutant =>
        {
            var slideFolder = daemon.PathOf(Path.GetFileName(mutant.Path) + ".zarr");
            var walk = Walk.Of(slideFolder);

            // Looked at again at once: a slide that failed to open is remembered, not parsed again.
            for (var again = 0; again < 3; again++)
            {
                Walk.Of(slideFolder);
            }

            reads[mutant] = walk;
        });
        var walked = clock.Elapsed;

        Assert.False(daemon.Process.HasExited, $"the daemon exited with {(daemon.Process.HasExited ? daemon.Process.ExitCode : 0)}. Log:\n{Tail(daemon.Log)}");
        using var comparison = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(GoodSlide + ".zarr"), SharedSlides.PathOf(GoodSlide), "pado"));
        foreach (var level in comparison.RootElement.GetProperty("levels").EnumerateObject())
        {
            Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"level {level.Name} of the good slide: {level.Value}");
        }

        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        var failed = errors.RootElement.EnumerateArray().Select(e => e.GetProperty("folder").GetString()!).ToHashSet(StringComparer.Ordinal);
        var failing = reads.Where(r => r.Value.Failures > 0).Select(r => Path.GetFileName(r.Key.Path) + ".zarr").ToHashSet(StringComparer.Ordinal);
        var log = daemon.Log;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mutants.Count} mutants: {failing.Count} failed (errors.json lists {failed.Count}), {reads.Values.Sum(r => r.Files)} files read, {reads.Values.Sum(r => r.Failures)} reads failed, in {walked.TotalSeconds:0.0} s"));

        Assert.DoesNotContain(GoodSlide + ".zarr", failed);
        Assert.Empty(failing.Except(failed));
        Assert.NotEmpty(failing);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", log, StringComparison.Ordinal);
        foreach (var slide in failed)
        {
            var opened = log.Split('\n').Count(line => line.Contains($"Slide {slide} cannot be opened", StringComparison.Ordinal));
            Assert.True(opened <= 1, $"{slide} was parsed {opened} times:\n{Tail(log)}");
        }

        var (exitCode, _) = daemon.Terminate(TimeSpan.FromSeconds(30));
        Assert.Equal(0, exitCode);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    /// <summary>How many files of a slide folder were read to their end, and how many listings or reads failed.</summary>
    private sealed record Walk(int Files, int Failures)
    {
        public static Walk Of(string folder)
        {
            var files = 0;
            var failures = 0;
            var pending = new Stack<string>([folder]);
            while (pending.TryPop(out var directory))
            {
                string[] entries;
                try
                {
                    entries = Directory.GetFileSystemEntries(directory);
                }
                catch (IOException)
                {
                    failures++;
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (Directory.Exists(entry))
                    {
                        pending.Push(entry);
                        continue;
                    }

                    try
                    {
                        File.ReadAllBytes(entry);
                        files++;
                    }
                    catch (IOException)
                    {
                        failures++;
                    }
                }
            }

            return new Walk(files, failures);
        }
    }
}
