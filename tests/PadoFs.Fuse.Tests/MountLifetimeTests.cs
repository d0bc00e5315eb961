using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PadoFs.Fuse.Tests.Support;
using PadoFs.Mount.Tree;
using PadoFs.Testing;

namespace PadoFs.Fuse.Tests;

[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class MountLifetimeTests
{
    [Fact]
    public void Stop_unmounts_and_the_folder_can_be_mounted_again()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));
        var mountPoint = mounted.Mount.MountPoint;
        Assert.True(ProcMounts.IsMounted(mountPoint));

        mounted.Mount.Stop();

        Assert.False(ProcMounts.IsMounted(mountPoint));
        Assert.True(mounted.Mount.Completion.IsCompletedSuccessfully);
        Assert.Empty(Directory.EnumerateFileSystemEntries(mountPoint));
        Assert.DoesNotContain(mounted.Logger.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(0, mounted.Mount.OpenHandleCount);
        Assert.Contains(mounted.Logger.Entries, entry => entry.Message == $"Unmounted {mountPoint}");
        mounted.Mount.Stop();

        using var again = FuseMount.Mount(TestTrees.Sample(out _), mountPoint);
        Assert.Equal(TestTrees.SmallLength, new FileInfo(Path.Join(mountPoint, "small.bin")).Length);
        again.Stop();
        Assert.False(ProcMounts.IsMounted(mountPoint));
    }

    [Fact]
    public async Task Stop_during_heavy_reads_ends_the_readers_and_unmounts()
    {
        var big = new PatternFile("big.bin", 1L << 30, TimeSpan.FromMilliseconds(2));
        using var mounted = new MountedTree(new MountTree(new MemoryDirectory(string.Empty, big)));
        var path = mounted.PathOf("big.bin");
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(() =>
        {
            try
            {
                using var handle = File.OpenHandle(path);
                var buffer = new byte[1 << 20];
                for (long offset = (long)reader << 28; RandomAccess.Read(handle, buffer, offset) > 0; offset += buffer.Length)
                {
                }
            }
            catch (IOException)
            {
                // Reads fail once the mount has gone away under them.
            }
        })).ToArray();
        using var python = Process.Start(Commands.Python, ["-c", "import sys\nwith open(sys.argv[1], 'rb') as f:\n    while f.read(1 << 20): pass", path])!;
        try
        {
            // A wait for the reads to begin, not a measure of their speed: a loaded machine may take its time.
            var deadline = Stopwatch.StartNew();
            while (big.Reads < 20)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"only {big.Reads} reads reached the tree");
                await Task.Delay(20);
            }

            var watch = Stopwatch.StartNew();
            mounted.Mount.Stop();

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stop took {watch.Elapsed}");
            Assert.False(ProcMounts.IsMounted(mounted.Mount.MountPoint));
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(python.WaitForExit(TimeSpan.FromSeconds(30)), "the python reader hangs on the stopped mount");
            Assert.NotEqual(0, python.ExitCode);
            Assert.True(mounted.Mount.Completion.IsCompleted);
        }
        finally
        {
            // A failed check must not leave the reader behind, blocked on a mount nobody serves.
            python.Kill();
        }
    }

    [Fact]
    public void Stop_with_a_file_held_open_but_idle_returns_at_once()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));
        using var handle = File.OpenHandle(mounted.PathOf("big.bin"));
        Assert.Equal(10, RandomAccess.Read(handle, new byte[10], 0));
        Assert.Equal(1, mounted.Mount.OpenHandleCount);

        var watch = Stopwatch.StartNew();
        mounted.Mount.Stop();

        Assert.Equal(0, mounted.Mount.OpenHandleCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"stop took {watch.Elapsed}");
        Assert.False(ProcMounts.IsMounted(mounted.Mount.MountPoint));
        Assert.ThrowsAny<IOException>(() => RandomAccess.Read(handle, new byte[10], TestTrees.BigLength - 10));
    }

    [Fact]
    public async Task An_unmount_from_outside_ends_the_mount()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        Commands.Output("fusermount3", "-u", mounted.Mount.MountPoint);

        await mounted.Mount.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(ProcMounts.IsMounted(mounted.Mount.MountPoint));
        mounted.Mount.Stop();
    }

    [Fact]
    public void A_missing_folder_a_file_and_a_non_empty_folder_are_refused()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("file.txt"), "x");

        var missing = Assert.Throws<MountPointException>(() => FuseMount.Mount(TestTrees.Sample(out _), directory.File("missing")));
        var file = Assert.Throws<MountPointException>(() => FuseMount.Mount(TestTrees.Sample(out _), directory.File("file.txt")));
        var notEmpty = Assert.Throws<MountPointException>(() => FuseMount.Mount(TestTrees.Sample(out _), directory.Path));

        Assert.Equal(MountPointProblem.Missing, missing.Problem);
        Assert.Equal(MountPointProblem.NotADirectory, file.Problem);
        Assert.Equal(MountPointProblem.NotEmpty, notEmpty.Problem);
        Assert.Contains(directory.File("missing"), missing.Message, StringComparison.Ordinal);
        Assert.False(ProcMounts.IsMounted(directory.Path));
    }

    [Fact]
    public void A_mount_point_reached_through_a_symbolic_link_is_mounted_at_its_real_path()
    {
        using var directory = new TemporaryDirectory();
        var real = Directory.CreateDirectory(directory.File("real")).FullName;
        var link = directory.File("link");
        File.CreateSymbolicLink(link, real);

        using (var mount = FuseMount.Mount(TestTrees.Sample(out _), link))
        {
            Assert.Equal(real, mount.MountPoint);
            Assert.True(ProcMounts.IsMounted(real));
            Assert.Equal(TestTrees.SmallLength, new FileInfo(Path.Join(link, "small.bin")).Length);
        }

        Assert.False(ProcMounts.IsMounted(real));
    }

    [Fact]
    public void A_folder_mounted_already_is_refused_and_its_mount_keeps_working()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        var refused = Assert.Throws<MountPointException>(() => FuseMount.Mount(TestTrees.Sample(out _), mounted.Folder));

        Assert.Equal(MountPointProblem.AlreadyMounted, refused.Problem);
        // The folder's name has a space: the command must keep it one argument.
        Assert.EndsWith($"unmount it first (fusermount3 -u '{refused.MountPoint}').", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PatternFile.Expected(0, TestTrees.SmallLength), File.ReadAllBytes(mounted.PathOf("small.bin")));
    }

    [Fact]
    public void A_stale_mount_left_by_a_killed_daemon_is_recovered()
    {
        using var directory = new TemporaryDirectory();
        var mountPoint = Path.Join(directory.Path, "mnt");
        Directory.CreateDirectory(mountPoint);
        try
        {
            // A daemon that mounts and dies without serving: its /dev/fuse closes and the mount is left dangling.
            Commands.PythonOutput(
                """
                import ctypes, os, sys
                libc = ctypes.CDLL('libc.so.6', use_errno=True)
                fd = os.open('/dev/fuse', os.O_RDWR)
                options = f'fd={fd},rootmode=40000,user_id={os.getuid()},group_id={os.getgid()}'.encode()
                if libc.mount(b'stale', sys.argv[1].encode(), b'fuse.stale', 0, options) != 0:
                    raise OSError(ctypes.get_errno(), 'mount')
                """,
                mountPoint);
            Assert.Equal("fuse.stale", ProcMounts.TypeAt(mountPoint));
            var staleError = Assert.ThrowsAny<IOException>(() => Directory.EnumerateFileSystemEntries(mountPoint).ToList());
            Assert.Contains("not connected", staleError.Message, StringComparison.OrdinalIgnoreCase);

            var logger = new RecordingLogger();
            using (var mount = FuseMount.Mount(TestTrees.Sample(out _), mountPoint, logger: logger))
            {
                Assert.Equal("fuse.padofs", ProcMounts.TypeAt(mountPoint));
                Assert.Equal(PatternFile.Expected(0, TestTrees.SmallLength), File.ReadAllBytes(Path.Join(mountPoint, "small.bin")));
                Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && Equals(entry["MountPoint"], mountPoint));
            }

            Assert.False(ProcMounts.IsMounted(mountPoint));
        }
        finally
        {
            ProcMounts.ForceUnmount(mountPoint);
        }
    }
}
