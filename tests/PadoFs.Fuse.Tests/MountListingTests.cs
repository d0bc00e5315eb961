using PadoFs.Fuse.Tests.Support;

namespace PadoFs.Fuse.Tests;

public sealed class MountListingTests
{
    [Fact]
    public void The_tree_lists_through_dotnet_and_ls()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));

        var root = Directory.EnumerateFileSystemEntries(mounted.Mount.MountPoint).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["big.bin", "broken.bin", "slide.zarr", "small.bin"], root);
        var level = Directory.EnumerateFiles(mounted.PathOf("slide.zarr/0")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal([".zarray", "0.0.0"], level);

        var ls = Commands.Output("/bin/ls", "-la", "--time-style=+%s", mounted.PathOf("slide.zarr"));
        var lines = ls.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal([".", "..", ".zgroup", "0"], lines.Select(fields => fields[^1]));
        Assert.Equal("-r--r--r--", lines.Single(fields => fields[^1] == ".zgroup")[0]);
        Assert.Equal("dr-xr-xr-x", lines.Single(fields => fields[^1] == "0")[0]);
        Assert.Equal("24", lines.Single(fields => fields[^1] == ".zgroup")[4]);
    }
}
