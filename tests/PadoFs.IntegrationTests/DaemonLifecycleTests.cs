using System.Diagnostics;
using System.Text.Json;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.IntegrationTests;

/// <summary>The daemon as a service manager sees it: clean stops, clear refusals, recovery, and listing big mounts.</summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class DaemonLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_during_heavy_reads_exits_0_within_seconds_and_leaves_no_mount()
    {
        using var daemon = MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides());
        const string Reader = """
            import sys, zarr
            path = sys.stdin.read().strip()
            try:
                while True:
                    zarr.open_group(path, mode="r")["0"][:]
            except Exception:
                pass
            """;
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            try
            {
                Python.RunCode(Reader, daemon.PathOf("tcga-cr-7395.svs.zarr"));
            }
            catch (InvalidOperationException)
            {
                // A reader cut off by the unmount is expected to fail.
            }
        })).ToArray();
        Thread.Sleep(1500);

        var (exitCode, took) = daemon.Terminate(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exitCode);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        Assert.False(MountTable.IsMounted(daemon.MountPoint));
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Sigint_unmounts_and_exits_0()
    {
        using var daemon = MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides());
        Signals.Send(daemon.Process, "INT");

        Assert.True(daemon.Process.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, daemon.Process.ExitCode);
        Assert.False(MountTable.IsMounted(daemon.MountPoint));
    }

    [Fact]
    public void Unmounted_from_outside_the_daemon_logs_why_and_exits_1()
    {
        using var daemon = MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides());
        using (var unmount = Process.Start("fusermount3", ["-u", daemon.MountPoint]))
        {
            unmount.WaitForExit();
            Assert.Equal(0, unmount.ExitCode);
        }

        Assert.True(daemon.Process.WaitForExit(TimeSpan.FromSeconds(20)), daemon.Log);
        daemon.Process.WaitForExit();
        Assert.Equal(1, daemon.Process.ExitCode);
        Assert.True(daemon.WaitForLog("The mount ended by itself: unmounted from outside the daemon", TimeSpan.FromSeconds(5)), daemon.Log);
    }

    [Fact]
    public void A_broken_config_exits_non_zero_before_mounting_and_lists_every_problem()
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File("bad.json");
        File.WriteAllText(config, """{ "layout": "tiles", "cache": { "maxBytes": "lots" }, "images": [ { "image_id": [".."], "urlpath": "a.svs" }, { "width": 3 } ] }""");

        var (exitCode, _, stderr) = PadofsCommand.Run("mount", config);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("5 problems", stderr, StringComparison.Ordinal);
        Assert.Contains("'mountPoint' is missing", stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown layout 'tiles'", stderr, StringComparison.Ordinal);
        Assert.Contains("'lots'", stderr, StringComparison.Ordinal);
        Assert.Contains("images[0]", stderr, StringComparison.Ordinal);
        Assert.Contains("images[1]: 'urlpath' is required", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_non_empty_mountpoint_is_refused_clearly()
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File("padofs.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { images = new[] { new { urlpath = SharedSlides.PathOf("small.svs") } } }));
        var busy = Directory.CreateDirectory(folder.File("busy")).FullName;
        File.WriteAllText(Path.Combine(busy, "something"), "x");

        var missing = PadofsCommand.Run("mount", config, "--mountpoint", folder.File("absent"));
        var nonEmpty = PadofsCommand.Run("mount", config, "--mountpoint", busy);

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains(folder.File("absent"), missing.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, nonEmpty.ExitCode);
        Assert.Contains("not empty", nonEmpty.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Stderr + nonEmpty.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mountpoint_already_mounted_is_refused_and_one_left_by_a_daemon_killed_under_load_is_recovered()
    {
        using var first = MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides());
        var second = PadofsCommand.Run("mount", first.ConfigPath!, "--mountpoint", first.MountPoint);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("mounted", second.Stderr, StringComparison.OrdinalIgnoreCase);

        // Readers that go on until a read fails, and say with which errno.
        const string Reader = """
            import errno, os, sys
            folder = sys.stdin.read().strip()
            try:
                while True:
                    for name in os.listdir(folder):
                        with open(os.path.join(folder, name), "rb") as f:
                            f.read()
                            # Dropping the kernel's copy makes every read reach the daemon.
                            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError as error:
                print(errno.errorcode[error.errno])
            """;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Python.RunCode(Reader, first.PathOf("cmu-1-small-region.svs.zarr/0")))).ToArray();
        Thread.Sleep(1500);
        Assert.DoesNotContain(readers, reader => reader.IsCompleted);

        // A daemon killed outright leaves its mount behind, disconnected; its readers fail at once, none hangs: a
        // request the kernel had sent is aborted, later ones find no connection.
        first.Process.Kill();
        first.Process.WaitForExit();
        var errors = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(errors, error => Assert.Contains(error.Trim(), new[] { "ECONNABORTED", "ENOTCONN" }));
        Assert.True(MountTable.IsMounted(first.MountPoint));

        using var recovered = PadofsCommand.Start(["mount", first.ConfigPath!, "--mountpoint", first.MountPoint]);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(first.MountPoint, "small.svs.zarr", ".zgroup")) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                Assert.False(recovered.HasExited, recovered.HasExited ? recovered.StandardError.ReadToEnd() : string.Empty);
                Thread.Sleep(100);
            }

            using var exact = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", Path.Combine(first.MountPoint, "cmu-1-small-region.svs.zarr"), SharedSlides.PathOf("cmu-1-small-region.svs"), "pado"));
            var level = Assert.Single(exact.RootElement.GetProperty("levels").EnumerateObject());
            Assert.Equal(0, level.Value.GetProperty("differing_samples").GetInt64());
        }
        finally
        {
            Signals.Send(recovered, "TERM");
            recovered.WaitForExit(TimeSpan.FromSeconds(20));
            MountTable.ForceUnmount(first.MountPoint);
        }
    }

    [Fact]
    public void A_mount_of_2000_records_lists_every_folder_without_opening_a_slide()
    {
        var images = Enumerable.Range(0, 2000).Select(i => (object)new
        {
            image_id = new[] { $"case-{i / 10:D3}", $"slide-{i:D4}" },
            urlpath = SharedSlides.PathOf("small.svs"),
            width = 16,
            height = 16,
        });
        using var daemon = MountedDaemon.Start(images);

        var clock = Stopwatch.StartNew();
        var cases = Directory.GetDirectories(daemon.MountPoint);
        var slides = cases.Sum(folder => Directory.GetDirectories(folder).Length);
        clock.Stop();

        Assert.Equal(200 + 1, cases.Length);
        Assert.Equal(2000, slides);
        using var stats = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/stats.json")));
        Assert.Equal(0, stats.RootElement.GetProperty("slides").GetProperty("open").GetInt32());
        Assert.Equal(0, stats.RootElement.GetProperty("cache").GetProperty("decodes").GetInt64());

        // How long it took is reported, not asserted: timing belongs to benchmarks (scripts/bench-listing.sh).
        output.WriteLine($"Listed 2,000 slides in 200 folders in {clock.Elapsed.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public void Environment_variables_override_the_config()
    {
        using var daemon = MountedDaemon.Start(
            [new { urlpath = SharedSlides.PathOf("small.svs") }],
            layout: "pado",
            environment: new Dictionary<string, string> { ["PADOFS__LAYOUT"] = "ome-ngff", ["PADOFS__CACHE__MAXBYTES"] = "96MiB" });

        using var zarray = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf("small.svs.zarr/0/.zarray")));
        Assert.Equal(3, zarray.RootElement.GetProperty("shape")[0].GetInt32());
        using var stats = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/stats.json")));
        Assert.Equal(96L << 20, stats.RootElement.GetProperty("cache").GetProperty("budget_bytes").GetInt64());
    }
}
