using PadoFs.Mount.Tree;

namespace PadoFs.WinFsp.Tests;

/// <summary>Names Windows cannot show are all found, one line each, before anything is mounted.</summary>
[Trait("Category", "Fast")]
public sealed class WindowsNamesTests
{
    [Theory]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("COM1.zarr")]
    [InlineData("Lpt9.svs.zarr")]
    [InlineData("slide.")]
    [InlineData("slide ")]
    [InlineData("a<b")]
    [InlineData("a>b")]
    [InlineData("a:b")]
    [InlineData("a\"b")]
    [InlineData("a|b")]
    [InlineData("a?b")]
    [InlineData("a*b")]
    [InlineData("a\\b")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    public void Names_windows_forbids_are_refused(string name) => Assert.NotNull(WindowsNames.Problem(name));

    [Theory]
    [InlineData("small.svs.zarr")]
    [InlineData("CONSOLE.zarr")]
    [InlineData("COM10.zarr")]
    [InlineData(".padofs")]
    [InlineData("case 12 (left).zarr")]
    [InlineData("スライド.zarr")]
    public void Names_windows_allows_pass(string name) => Assert.Null(WindowsNames.Problem(name));

    [Fact]
    public void Names_longer_than_a_windows_component_are_refused()
    {
        Assert.Null(WindowsNames.Problem(new string('a', 255)));
        Assert.Contains("255", WindowsNames.Problem(new string('a', 256)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_tree_is_listed_with_its_path_including_names_that_differ_only_in_case()
    {
        var tree = new MountTree(Folder(string.Empty,
            Folder("cases",
                Folder("Slide.zarr"),
                Folder("slide.zarr"),
                Folder("AUX.zarr")),
            Folder("ok.zarr"),
            Folder("bad?.zarr")));

        var problems = WindowsNames.Problems(tree);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("/cases/slide.zarr: differs from /cases/Slide.zarr only in case", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("/cases/AUX.zarr: is the reserved device name AUX", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("/bad?.zarr: holds '?'", problems[2], StringComparison.Ordinal);

        var refused = Assert.Throws<WindowsNameException>(() => WindowsNames.ThrowIfInvalid(tree));
        Assert.Equal(problems.Count + 1, refused.Message.Split('\n').Length);
    }

    private static TestFolder Folder(string name, params MountNode[] children) => new(name, children);

    private sealed class TestFolder(string name, MountNode[] children) : MountDirectory(name, DateTimeOffset.UnixEpoch)
    {
        public override IReadOnlyList<MountNode> Children => children;

        public override MountNode? Find(string name) => children.FirstOrDefault(child => child.Name == name);
    }
}
