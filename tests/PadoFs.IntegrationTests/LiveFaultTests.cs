using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Faults while mounted, as users and other programs cause them: slide files replaced, rewritten, truncated and
/// deleted under a live mount, files the daemon may not read, a mount point whose folder moved, other users.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
[SupportedOSPlatform("linux")]
public sealed class LiveFaultTests(ITestOutputHelper output)
{
    private const string Slide = "slide.svs";
    private const string Folder = Slide + ".zarr";

    private const string ReadEach = """
        import errno, sys
        for path in sys.stdin.read().split("\n"):
            if not path:
                continue
            try:
                with open(path, "rb") as f:
                    f.read()
                print("OK")
            except OSError as error:
                print(errno.errorcode[error.errno])
        """;

    [Theory]
    [InlineData("mv")]
    [InlineData("cp")]
    public async Task A_slide_replaced_under_its_name_mid_read_serves_only_the_version_it_opened(string how)
    {
        using var folder = new TemporaryDirectory();
        var slide = folder.File(Slide);
        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), slide);
        var before = Export(slide, folder.File("before.zarr"));
        var after = Export(SharedSlides.PathOf("tcga-cr-7395.svs"), folder.File("after.zarr"));
        using var daemon = MountedDaemon.Start([new { urlpath = slide }]);
        var keys = ChunkKeys(daemon.PathOf(Folder + "/0"));

        Task? replacing = null;
        var outcomes = new List<string>();
        foreach (var (key, index) in keys.Select((key, index) => (key, index)))
        {
            if (index == 20)
            {
                // Replaced while the reads go on, so that some of them overlap the copy.
                replacing = Task.Run(() => Replace(how, SharedSlides.PathOf("tcga-cr-7395.svs"), slide, folder));
            }

            outcomes.Add(Outcome(daemon, $"0/{key}", before, after));
        }

        // The label was never decoded: decoding it now meets the new file. What the kernel or the cache holds
        // already is of the version opened.
        await replacing!.WaitAsync(TimeSpan.FromSeconds(30));
        var label = Outcome(daemon, "associated/label/0.0.0", before, after);
        outcomes.AddRange(keys.Select(key => Outcome(daemon, $"0/{key}", before, after)));

        // One version only: the mount serves the version it opened until it is restarted, and errors after.
        Assert.Equal("error", label);
        Assert.DoesNotContain("mixed", outcomes);
        Assert.DoesNotContain("after", outcomes);
        Assert.True(outcomes.Take(20).All(outcome => outcome == "before"), string.Join(' ', outcomes));
        Assert.Single(LogLines(daemon, "changed on disk since it was opened"));
        Assert.Contains(Errors(daemon), error => error.Folder == Folder && error.Operation == "changed");
        Assert.False(daemon.Process.HasExited);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("truncate")]
    public void A_slide_deleted_or_truncated_while_mounted_answers_EIO_and_the_others_stay_exact(string how)
    {
        using var folder = new TemporaryDirectory();
        var victim = folder.File(Slide);
        File.Copy(SharedSlides.PathOf("cmu-1-small-region.svs"), victim);
        using var daemon = MountedDaemon.Start([new { urlpath = victim }, new { urlpath = SharedSlides.PathOf("boxes.tiff") }]);
        var keys = ChunkKeys(daemon.PathOf(Folder + "/0"));
        File.ReadAllBytes(daemon.PathOf($"{Folder}/0/{keys[0]}"));

        if (how == "delete")
        {
            File.Delete(victim);
        }
        else
        {
            using var file = new FileStream(victim, FileMode.Open, FileAccess.Write);
            file.SetLength(1000);
        }

        // The label was never decoded, so reading it meets the change; the cache's chunks are of the version opened
        // and after the change are refused as well.
        var answers = ReadEachOf([daemon.PathOf($"{Folder}/associated/label/0.0.0"), .. keys.Skip(1).Select(key => daemon.PathOf($"{Folder}/0/{key}"))]);

        Assert.All(answers, answer => Assert.Equal("EIO", answer));
        var logged = Assert.Single(LogLines(daemon, "changed on disk since it was opened"));
        Assert.Contains(how == "delete" ? "deleted or moved away" : "size changed from 1938955 to 1000 bytes", logged, StringComparison.Ordinal);
        var exact = Python.RunOracle("zarr_vs_reference.py", daemon.PathOf("boxes.tiff.zarr"), SharedSlides.PathOf("boxes.tiff"), "pado");
        using var result = JsonDocument.Parse(exact);
        Assert.All(result.RootElement.GetProperty("levels").EnumerateObject(), level => Assert.Equal(0, level.Value.GetProperty("differing_samples").GetInt64()));
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public void Failures_answer_the_errno_of_their_cause()
    {
        using var folder = new TemporaryDirectory();
        var locked = Directory.CreateDirectory(folder.File("locked")).FullName;
        File.Copy(SharedSlides.PathOf("small.svs"), Path.Combine(locked, "small.svs"));
        File.SetUnixFileMode(locked, UnixFileMode.None);

        // As root the daemon would search any folder: without the capabilities that allow it, it is refused as
        // any user whose folder it is not.
        using var daemon = MountedDaemon.Start(
            [
                new { image_id = new[] { "good" }, urlpath = SharedSlides.PathOf("cmu-1-small-region.svs") },
                new { image_id = new[] { "missing" }, urlpath = folder.File("absent.svs") },
                new { image_id = new[] { "locked" }, urlpath = Path.Combine(locked, "small.svs") },
                new { image_id = new[] { "undecodable" }, urlpath = SharedSlides.PathOf("unreadable.svs") },
                new { image_id = new[] { "not-a-slide" }, urlpath = SharedSlides.PathOf("broken.svs") },
            ],
            launcher: ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]);

        var answers = ReadEachOf(
            daemon.PathOf("good.zarr/0/0.0.0"),
            daemon.PathOf("nothing.zarr"),
            daemon.PathOf("good.zarr/0/99.99.0"),
            daemon.PathOf("missing.zarr/.zgroup"),
            daemon.PathOf("locked.zarr/.zgroup"),
            daemon.PathOf("undecodable.zarr/0/0.0.0"),
            daemon.PathOf("not-a-slide.zarr/.zgroup"));

        Assert.Equal(["OK", "ENOENT", "ENOENT", "ENOENT", "EACCES", "EIO", "EIO"], answers);
        Assert.Contains(Errors(daemon), error => error.Folder == "locked.zarr" && error.Message.Contains("permission denied", StringComparison.Ordinal));
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Sigterm_unmounts_the_mount_after_a_folder_above_it_was_renamed()
    {
        using var daemon = MountedDaemon.Start([new { urlpath = SharedSlides.PathOf("small.svs") }]);
        var parent = Path.GetDirectoryName(daemon.MountPoint)!;
        var moved = parent + "-moved";
        Directory.Move(parent, moved);
        try
        {
            Assert.True(File.Exists(Path.Combine(moved, "mnt", "small.svs.zarr", ".zgroup")));

            var (exitCode, took) = daemon.Terminate(TimeSpan.FromSeconds(20));

            Assert.Equal(0, exitCode);
            Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
            Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), line => line.Contains(" - fuse.padofs ", StringComparison.Ordinal) && (line.Contains(moved, StringComparison.Ordinal) || line.Contains(parent, StringComparison.Ordinal)));
            Assert.Contains($"Unmounted {Path.Combine(moved, "mnt")}", daemon.Log, StringComparison.Ordinal);
        }
        finally
        {
            MountTable.ForceUnmount(Path.Combine(moved, "mnt"));
            Directory.Move(moved, parent);
        }
    }

    [Fact]
    public void With_allow_other_a_user_reads_only_the_slides_whose_files_they_may_read()
    {
        using var folder = new TemporaryDirectory();
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_101_101);
        var shared = folder.File("shared.svs");
        var own = folder.File("own.svs");
        var hiddenFolder = Directory.CreateDirectory(folder.File("private")).FullName;
        var hidden = Path.Combine(hiddenFolder, "hidden.svs");
        foreach (var (path, mode) in new[] { (shared, 0b110_100_100), (own, 0b110_000_000), (hidden, 0b110_100_100) })
        {
            File.Copy(SharedSlides.PathOf("small.svs"), path);
            File.SetUnixFileMode(path, (UnixFileMode)mode);
        }

        File.SetUnixFileMode(hiddenFolder, (UnixFileMode)0b111_000_000);
        using var daemon = MountedDaemon.Start(
            [new { urlpath = shared }, new { urlpath = own }, new { urlpath = hidden }],
            environment: new Dictionary<string, string> { ["PADOFS__ALLOWOTHER"] = "true" });
        File.SetUnixFileMode(Path.GetDirectoryName(daemon.MountPoint)!, (UnixFileMode)0b111_101_101);

        string AsNobody(string relative) => ReadAs(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"], daemon.PathOf(relative));

        Assert.Equal("OK", AsNobody("shared.svs.zarr/0/0.0.0"));
        Assert.Equal("OK", AsNobody("shared.svs.zarr/.zattrs"));
        Assert.Equal("EACCES", AsNobody("own.svs.zarr/0/0.0.0"));
        Assert.Equal("EACCES", AsNobody("own.svs.zarr/.zattrs"));
        Assert.Equal("EACCES", AsNobody("hidden.svs.zarr/0/0.0.0"));
        Assert.Equal("EACCES", AsNobody(".padofs/errors.json"));
        Assert.Equal("OK", AsNobody(".padofs/stats.json"));
        Assert.Equal("OK", ReadAs([], daemon.PathOf("own.svs.zarr/0/0.0.0")));
        Assert.Equal("OK", ReadAs([], daemon.PathOf("hidden.svs.zarr/0/0.0.0")));
    }

    [Fact]
    public void Eight_readers_of_random_chunks_with_a_64_MiB_cache_get_every_chunk_right_in_flat_memory()
    {
        var root = ProjectRoot();
        var demo = Run(Path.Combine(root, "scripts", "make-demo-slide.sh"), []).Trim();
        var (exitCode, stdout) = RunCapture(Python.Interpreter, [
            Path.Combine(root, "scripts", "soak.py"), "--padofs", PadofsCommand.Executable, "--seconds", "20", "--json",
            SharedSlides.PathOf("cmu-1-small-region.svs"), SharedSlides.PathOf("tcga-cr-7395.svs"), SharedSlides.PathOf("boxes.tiff"),
            Path.GetFullPath(demo, root)]);

        using var report = JsonDocument.Parse(stdout);
        var result = report.RootElement;
        var rss = result.GetProperty("rss_mib").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var fds = result.GetProperty("fds").EnumerateArray().Select(value => value.GetInt32()).ToArray();
        var summary = stdout;
        output.WriteLine(summary);
        Assert.True(result.GetProperty("reads").GetInt64() > 1000, summary);
        Assert.Equal(0, result.GetProperty("wrong").GetInt64());
        Assert.Equal(0, result.GetProperty("errors").GetInt64());
        Assert.Equal(0, exitCode);

        // Budget plus a constant (runtime, code, native decoders, FUSE buffers), and flat once warm (after 6 s).
        Assert.True(rss.Max() < 64 + 160, summary);
        var warm = rss.Skip(3).ToArray();
        Assert.True(warm.Max() - warm[0] < 24, summary);
        var warmFds = fds.Skip(3).ToArray();
        Assert.True(warmFds.Max() - warmFds.Min() <= 8, summary);
    }

    private static void Replace(string how, string source, string target, TemporaryDirectory folder)
    {
        if (how == "mv")
        {
            var incoming = folder.File("incoming.svs");
            File.Copy(source, incoming);
            File.Move(incoming, target, overwrite: true);
        }
        else
        {
            Run("cp", [source, target]);
        }
    }

    // Which version a file of the mounted slide holds: that of the slide before, that of the slide after, or a mix.
    private static string Outcome(MountedDaemon daemon, string relative, string before, string after)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(daemon.PathOf($"{Folder}/{relative}"));
        }
        catch (IOException)
        {
            return "error";
        }

        if (bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(before, relative))))
        {
            return "before";
        }

        var other = Path.Combine(after, relative);
        return File.Exists(other) && bytes.AsSpan().SequenceEqual(File.ReadAllBytes(other)) ? "after" : "mixed";
    }

    private static string Export(string slide, string destination)
    {
        var (exitCode, _, stderr) = PadofsCommand.Run("export", slide, destination);
        Assert.True(exitCode == 0, stderr);
        return destination;
    }

    // Chunk names in a fixed shuffled order: reads that follow no order are not all prefetched ahead of time.
    private static List<string> ChunkKeys(string levelFolder)
    {
        var keys = Directory.GetFiles(levelFolder).Select(path => Path.GetFileName(path)).Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var random = new Random(14);
        return [.. keys.OrderBy(_ => random.Next())];
    }

    private static string[] ReadEachOf(params IEnumerable<string> paths) =>
        Python.RunCode(ReadEach, string.Join('\n', paths)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string ReadAs(IReadOnlyList<string> launcher, string path)
    {
        var command = new List<string>(launcher) { Python.Interpreter, "-c", ReadEach.Replace("sys.stdin.read()", "sys.argv[1]", StringComparison.Ordinal), path };
        var (_, stdout) = RunCapture(command[0], command[1..]);
        return stdout.Trim();
    }

    // The daemon's stderr arrives through a pipe, after the failure the test saw: wait for the line to come.
    private static List<string> LogLines(MountedDaemon daemon, string text)
    {
        daemon.WaitForLog(text, TimeSpan.FromSeconds(10));
        return [.. daemon.Log.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal))];
    }

    private static List<(string Folder, string Operation, string Message)> Errors(MountedDaemon daemon)
    {
        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        return [.. errors.RootElement.EnumerateArray().Select(error => (
            error.GetProperty("folder").GetString()!,
            error.GetProperty("operation").GetString()!,
            error.GetProperty("error").GetString()!))];
    }

    private static string ProjectRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PadoFs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the project root (PadoFs.sln) above the test binaries.");
    }

    private static string Run(string command, IReadOnlyList<string> arguments)
    {
        var (exitCode, stdout) = RunCapture(command, arguments);
        Assert.True(exitCode == 0, $"{command} exited {exitCode}");
        return stdout;
    }

    private static (int ExitCode, string Stdout) RunCapture(string command, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in 3 minutes.");
        }

        return (process.ExitCode, stdout.Result);
    }
}
