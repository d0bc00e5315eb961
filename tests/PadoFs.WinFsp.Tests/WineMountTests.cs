using System.Text;
using System.Text.Json;
using PadoFs.Testing;
using PadoFs.WinFsp.Native;
using PadoFs.WinFsp.Tests.Support;

namespace PadoFs.WinFsp.Tests;

/// <summary>
/// End to end under Wine: the real padofs.exe (win-x64, self-contained) finds WinFsp through the registry, loads the
/// stand-in winfsp-x64.dll (our C, against WinFsp's headers) and serves its dispatcher; every file the dispatcher
/// reads must equal the same slides mounted by the Linux daemon through FUSE. Only the WinFsp driver is not real.
/// </summary>
[Trait("Category", "Wine")]
[Trait("Category", "Fuse")]
public sealed class WineMountTests(WineVolume wine) : IClassFixture<WineVolume>
{
    // What decodes without native libraries on Windows: Deflate, LZW and uncompressed TIFFs. OpenSlide, TurboJPEG,
    // OpenJPEG, zstd and WebP are not shipped with padofs.exe, and Debian has no Windows builds of them.
    private static readonly string[] Slides = ["qupath-cells-2c.ome.tif", "qupath-cells.ome.tif", "boxes.tiff", "smalltif.tif"];

    // Live counters: the two daemons served different reads.
    private const string Statistics = ".padofs/stats.json";

    [Theory]
    [InlineData("pado")]
    [InlineData("ome-ngff")]
    public void GivenSharedTiffSlides_WhenPadofsExeServesTheWinFspDispatcherUnderWine_ThenEveryFileHasTheBytesOfTheLinuxMount(string layout)
    {
        using var linux = MountedDaemon.Start(Images(SharedSlides.PathOf), layout);
        wine.RegisterWinFsp(installed: true);
        using var walk = wine.MountAndWalk(Images(name => WinePrefix.WindowsPath(SharedSlides.PathOf(name))), layout);

        Assert.True(walk.ExitCode == 0, $"padofs.exe exited with {walk.ExitCode}. Problems:\n{walk.Problems}\nLog:\n{walk.Log}");
        Assert.Equal(string.Empty, walk.Problems);
        Assert.Equal(["create", "mount Z:", "start", "stop", "unmount", "delete"], walk.Lifecycle);
        Assert.Contains("Mounted as Z:", walk.Log, StringComparison.Ordinal);

        var windowsFiles = RelativeFiles(walk.Tree);
        Assert.Equal(RelativeFiles(linux.MountPoint), windowsFiles);
        Assert.Equal(RelativeFolders(linux.MountPoint), RelativeFolders(walk.Tree));
        Assert.Contains(windowsFiles, file => file.EndsWith("/.zarray", StringComparison.Ordinal) || file.EndsWith("/zarr.json", StringComparison.Ordinal));
        Assert.True(walk.Listing.Count(line => line.StartsWith("file ", StringComparison.Ordinal)) == windowsFiles.Count, "the listing names another number of files than were read");
        foreach (var file in windowsFiles.Where(file => file != Statistics))
        {
            var expected = File.ReadAllBytes(Path.Combine(linux.MountPoint, file));
            var served = File.ReadAllBytes(Path.Combine(walk.Tree, file));
            if (IsMetadata(file))
            {
                served = WithLinuxUrlpaths(served);
            }

            Assert.True(expected.AsSpan().SequenceEqual(served), $"{file}: {served.Length} bytes through WinFsp differ from the Linux mount's {expected.Length}");
        }
    }

    [Fact]
    public void GivenNoWinFspInstallDirInTheRegistry_WhenPadofsExeMounts_ThenItExitsWithOneLineSayingToInstallWinFsp()
    {
        using var folder = new TemporaryDirectory();
        var config = folder.File("padofs.json");
        File.WriteAllText(config, $$"""{"images": [{"urlpath": "{{WinePrefix.WindowsPath(SharedSlides.PathOf(Slides[0])).Replace(@"\", @"\\", StringComparison.Ordinal)}}"}]}""");
        wine.RegisterWinFsp(installed: false);

        var (exitCode, output) = wine.Padofs("mount", WinePrefix.WindowsPath(config), "--mountpoint", "Z:");

        Assert.Equal(1, exitCode);
        Assert.Equal($"padofs: {WinFspLibraryPath.NotInstalled}", output.Trim());
    }

    [Fact]
    public void GivenAnSvsSlideAndNoOpenSlideDll_WhenPadofsExeInspectsIt_ThenOneLineSaysWhichDllToPutBesideIt()
    {
        var (exitCode, output) = wine.Padofs("inspect", WinePrefix.WindowsPath(SharedSlides.PathOf("cmu-1-small-region.svs")));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("padofs: The OpenSlide library is not installed: none of libopenslide-1.dll", line, StringComparison.Ordinal);
        Assert.EndsWith("put the DLL beside padofs.exe or in a folder on PATH.", line, StringComparison.Ordinal);
    }

    private static bool IsMetadata(string file) => Path.GetFileName(file) is ['.', ..] or "zarr.json";

    // The records' urlpaths are the paths each daemon was given, the one difference the two volumes must show.
    private static byte[] WithLinuxUrlpaths(byte[] metadata)
    {
        var text = Encoding.UTF8.GetString(metadata);
        foreach (var name in Slides)
        {
            var linuxPath = SharedSlides.PathOf(name);
            text = text.Replace(JsonSerializer.Serialize(WinePrefix.WindowsPath(linuxPath)), JsonSerializer.Serialize(linuxPath), StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static IEnumerable<object> Images(Func<string, string> urlpath) =>
        Slides.Select(name => new { image_id = new[] { name }, urlpath = urlpath(name) });

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal)];

    private static List<string> RelativeFolders(string root) =>
        [.. Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal)];
}
