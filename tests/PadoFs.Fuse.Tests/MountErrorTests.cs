using System.Globalization;
using Microsoft.Extensions.Logging;
using PadoFs.Fuse.Tests.Support;

namespace PadoFs.Fuse.Tests;

[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class MountErrorTests
{
    private const int ENOENT = 2;
    private const int EIO = 5;
    private const int EROFS = 30;

    [Fact]
    public void Missing_names_answer_ENOENT()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        Assert.False(File.Exists(mounted.PathOf("nothing.bin")));
        Assert.False(Directory.Exists(mounted.PathOf("slide.zarr/7")));
        Assert.Throws<FileNotFoundException>(() => File.OpenHandle(mounted.PathOf("slide.zarr/0/9.9.9")));
        var errnos = Commands.PythonOutput(
            """
            import os, sys
            for path in sys.argv[1:]:
                try:
                    os.stat(path)
                    print(0)
                except OSError as e:
                    print(e.errno)
            """,
            mounted.PathOf("nothing.bin"), mounted.PathOf("big.bin/inside"), mounted.PathOf("slide.zarr/1/.zarray"));
        Assert.Equal(["2", "20", "2"], errnos.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_file_whose_reads_throw_answers_EIO_while_the_others_keep_working()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        var result = Commands.PythonOutput(
            """
            import os, sys
            print(os.stat(sys.argv[1]).st_size)
            try:
                with open(sys.argv[1], 'rb') as f:
                    f.read()
                print(0)
            except OSError as e:
                print(e.errno)
            with open(sys.argv[2], 'rb') as f:
                print(f.read().hex())
            """,
            mounted.PathOf("broken.bin"), mounted.PathOf("small.bin"));

        var lines = result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TestTrees.BrokenLength.ToString(CultureInfo.InvariantCulture), lines[0]);
        Assert.Equal(EIO.ToString(CultureInfo.InvariantCulture), lines[1]);
        Assert.Equal(Convert.ToHexStringLower(PatternFile.Expected(0, TestTrees.SmallLength)), lines[2]);
        Assert.Throws<IOException>(() => File.ReadAllBytes(mounted.PathOf("broken.bin")));

        // An IOException is a failure the tree explains: one warning line with its reason, no stack.
        var failure = Assert.Single(mounted.Logger.Entries.Where(entry => entry.Level == LogLevel.Warning).DistinctBy(entry => entry.Message));
        Assert.StartsWith("FUSE read of /broken.bin failed with errno 5: ", failure.Message, StringComparison.Ordinal);
        Assert.Equal("read", failure["Operation"]);
        Assert.Equal("/broken.bin", failure["Path"]);
        Assert.Equal(EIO, failure["Errno"]);
        Assert.False(string.IsNullOrEmpty(failure["Reason"] as string));
        Assert.Null(failure.Exception);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_change_answers_EROFS_and_changes_nothing(bool readOnlyMount)
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _), new FuseMountOptions { ReadOnly = readOnlyMount });
        var before = Snapshot(mounted);

        var answers = Commands.PythonOutput(
            """
            import os, sys
            root = sys.argv[1]
            p = lambda name: os.path.join(root, name)
            attempts = {
                'write': lambda: os.open(p('small.bin'), os.O_WRONLY),
                'append': lambda: os.open(p('small.bin'), os.O_RDWR | os.O_APPEND),
                'create': lambda: os.open(p('new.bin'), os.O_WRONLY | os.O_CREAT, 0o644),
                'mknod': lambda: os.mknod(p('node.bin')),
                'mkdir': lambda: os.mkdir(p('new-dir')),
                'rename': lambda: os.rename(p('small.bin'), p('renamed.bin')),
                'chmod': lambda: os.chmod(p('small.bin'), 0o777),
                'chown': lambda: os.chown(p('small.bin'), 1, 1),
                'truncate': lambda: os.truncate(p('small.bin'), 0),
                'unlink': lambda: os.unlink(p('small.bin')),
                'rmdir': lambda: os.rmdir(p('slide.zarr/0')),
                'symlink': lambda: os.symlink('small.bin', p('link.bin')),
                'link': lambda: os.link(p('small.bin'), p('hard.bin')),
                'utime': lambda: os.utime(p('small.bin'), (0, 0)),
                'setxattr': lambda: os.setxattr(p('small.bin'), 'user.test', b'1'),
            }
            for name, attempt in attempts.items():
                try:
                    attempt()
                    print(name, 0)
                except OSError as e:
                    print(name, e.errno)
            print('access-w', int(os.access(p('small.bin'), os.W_OK)))
            print('access-x', int(os.access(p('small.bin'), os.X_OK)))
            print('access-r', int(os.access(p('small.bin'), os.R_OK)))
            """,
            mounted.Mount.MountPoint);

        var errnos = answers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).ToDictionary(fields => fields[0], fields => int.Parse(fields[1], CultureInfo.InvariantCulture));
        var refused = errnos.Where(pair => !pair.Key.StartsWith("access", StringComparison.Ordinal));
        Assert.All(refused, pair => Assert.True(pair.Value == EROFS, $"{pair.Key} answered errno {pair.Value}"));
        Assert.Equal(15, refused.Count());
        Assert.Equal(0, errnos["access-w"]);
        Assert.Equal(0, errnos["access-x"]);
        Assert.Equal(1, errnos["access-r"]);
        Assert.Equal(before, Snapshot(mounted));
    }

    [Fact]
    public void The_mount_shows_its_type_and_read_only_flag()
    {
        using (var readOnly = new MountedTree(TestTrees.Sample(out _)))
        {
            Assert.Equal("fuse.padofs", ProcMounts.TypeAt(readOnly.Mount.MountPoint));
            Assert.Contains("ro", MountOptions(readOnly.Mount.MountPoint));
            Assert.DoesNotContain("allow_other", MountOptions(readOnly.Mount.MountPoint));
        }

        using var writable = new MountedTree(TestTrees.Sample(out _), new FuseMountOptions { ReadOnly = false, AllowOther = true });
        Assert.Contains("rw", MountOptions(writable.Mount.MountPoint));
        Assert.Contains("allow_other", MountOptions(writable.Mount.MountPoint));
    }

    private static string[] MountOptions(string mountPoint) =>
        File.ReadLines("/proc/self/mounts").Select(line => line.Split(' ')).Last(fields => fields[1] == mountPoint.Replace(" ", "\\040", StringComparison.Ordinal))[3].Split(',');

    private static string Snapshot(MountedTree mounted) =>
        Commands.Output("/bin/ls", "-l", "--time-style=+%s", mounted.Mount.MountPoint)
        + Commands.Output("/bin/ls", "-lR", "--time-style=+%s", mounted.PathOf("slide.zarr"))
        + Convert.ToHexStringLower(File.ReadAllBytes(mounted.PathOf("small.bin")));
}
