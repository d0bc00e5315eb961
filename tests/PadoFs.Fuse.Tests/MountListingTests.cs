using Microsoft.Extensions.Logging;
using PadoFs.Fuse.Tests.Support;

namespace PadoFs.Fuse.Tests;

[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class MountListingTests
{
    [Fact]
    public void The_tree_lists_through_dotnet_and_ls()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        var root = Directory.EnumerateFileSystemEntries(mounted.Mount.MountPoint).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["big.bin", "broken.bin", "broken.zarr", "slide.zarr", "small.bin"], root);
        var level = Directory.EnumerateFiles(mounted.PathOf("slide.zarr/0")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal([".zarray", "0.0.0"], level);

        var ls = Commands.Output("/bin/ls", "-la", "--time-style=+%s", mounted.PathOf("slide.zarr"));
        var lines = ls.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal([".", "..", ".zgroup", "0"], lines.Select(fields => fields[^1]));
        Assert.Equal("-r--r--r--", lines.Single(fields => fields[^1] == ".zgroup")[0]);
        Assert.Equal("dr-xr-xr-x", lines.Single(fields => fields[^1] == "0")[0]);
        Assert.Equal("24", lines.Single(fields => fields[^1] == ".zgroup")[4]);
    }

    [Fact]
    public void A_folder_of_thousands_of_chunks_lists_completely()
    {
        var names = Enumerable.Range(0, 5000).Select(i => $"{i / 100}.{i % 100}.0").ToArray();
        var level = new MemoryDirectory("0", [.. names.Select(name => new PatternFile(name, 3 * 256 * 256))]);
        using var mounted = new MountedTree(new Mount.Tree.MountTree(new MemoryDirectory(string.Empty, level)));

        var listed = Directory.EnumerateFiles(mounted.PathOf("0")).Select(Path.GetFileName).ToArray();
        var ls = Commands.Output("/bin/ls", "-1U", mounted.PathOf("0")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(names, listed);
        Assert.Equal(names, ls);
        Assert.Equal(3 * 256 * 256, new FileInfo(mounted.PathOf("0/49.99.0")).Length);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_answers_EIO_and_its_names_ENOENT()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        var errnos = Commands.PythonOutput(
            """
            import os, sys
            print(int(os.path.isdir(sys.argv[1])))
            for attempt in (lambda: os.listdir(sys.argv[1]), lambda: os.stat(os.path.join(sys.argv[1], '.zattrs'))):
                try:
                    attempt()
                    print(0)
                except OSError as e:
                    print(e.errno)
            """,
            mounted.PathOf("broken.zarr"));

        Assert.Equal(["1", "5", "2"], errnos.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(mounted.Logger.Entries, entry => Equals(entry["Operation"], "opendir") && Equals(entry["Path"], "/broken.zarr") && Equals(entry["Errno"], 5) && entry.Level == LogLevel.Warning);
        Assert.Contains(mounted.Logger.Entries, entry => Equals(entry["Operation"], "getattr") && Equals(entry["Path"], "/broken.zarr/.zattrs") && Equals(entry["Errno"], 2) && entry.Level == LogLevel.Debug);
    }
}
