using PadoFs.Images.Files;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Files;

/// <summary>
/// The file status used where statx is missing (Windows, macOS) agrees with statx on what it can know: type,
/// permission bits, size and modification time; it has no inode, so only size and time tell versions apart.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PortableFileStatusTests
{
    [Fact]
    public void Given_a_slide_and_its_folder_the_portable_status_matches_statx_but_for_the_inode_and_owner()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.svs");
        File.Copy(SharedSlides.PathOf("small.svs"), path);

        foreach (var target in new[] { path, folder.Path })
        {
            var statx = LocalFileStatus.Of(target);
            var portable = PortableFileStatus.Stat(target);
            Assert.Equal(statx.Mode, portable.Mode);
            Assert.Equal(statx.IsDirectory, portable.IsDirectory);
            Assert.Equal(target == path ? statx.Identity.Size : 0, portable.Identity.Size);
            Assert.Equal(statx.Identity.ModifiedNanoseconds / 100, portable.Identity.ModifiedNanoseconds / 100);
            Assert.Equal(0UL, portable.Identity.Inode);
        }
    }

    [Fact]
    public void Given_a_file_rewritten_in_place_the_portable_status_tells_the_versions_apart_by_size_and_time()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.svs");
        File.Copy(SharedSlides.PathOf("small.svs"), path);
        var original = PortableFileStatus.Stat(path).Identity;

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("it was rewritten (modification time changed)", PortableFileStatus.Stat(path).Identity.DescribeChangeFrom(original));

        File.AppendAllText(path, "more");
        Assert.StartsWith("its size changed", PortableFileStatus.Stat(path).Identity.DescribeChangeFrom(original), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_file_at_the_path_the_portable_status_says_it_does_not_exist()
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => PortableFileStatus.Stat(folder.File("missing.svs")));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
