using System.Runtime.Versioning;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Files;

/// <summary>Given a slide file on disk, which version a path names and who may read it follow what is done to it.</summary>
[Trait("Category", "Fast")]
[SupportedOSPlatform("linux")]
public sealed class LocalFileVersionTests
{
    [Fact]
    public void Renaming_another_file_over_it_or_rewriting_it_in_place_gives_another_identity()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.svs");
        File.Copy(SharedSlides.PathOf("small.svs"), path);
        var original = LocalFileStatus.Of(path).Identity;

        Assert.Equal(original, LocalFileStatus.Of(path).Identity);
        Assert.Equal(new FileInfo(path).Length, original.Size);

        File.Copy(SharedSlides.PathOf("small.svs"), folder.File("other.svs"));
        File.Move(folder.File("other.svs"), path, overwrite: true);
        var renamed = LocalFileStatus.Of(path).Identity;
        Assert.NotEqual(original.Inode, renamed.Inode);
        Assert.Equal("replaced by another file", renamed.DescribeChangeFrom(original));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var rewritten = LocalFileStatus.Of(path).Identity;
        Assert.Equal(renamed.Inode, rewritten.Inode);
        Assert.NotEqual(renamed, rewritten);
        Assert.Throws<FileNotFoundException>(() => LocalFileStatus.Of(folder.File("absent.svs")));
    }

    [Fact]
    public void An_open_image_whose_file_was_rewritten_refuses_to_read_chunks_from_it()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("slide.tiff");
        File.Copy(SharedSlides.PathOf("boxes.tiff"), path);
        using var image = new Image(path).Open();
        var chunk = new byte[64 * 64 * 3];
        image.ReadChunk(0, 0, 0, chunk);

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length / 2);
        }

        var error = Assert.Throws<SlideChangedException>(() => image.ReadChunk(0, 1, 1, chunk));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("size changed", error.Change, StringComparison.Ordinal);
        File.Delete(path);
        Assert.Contains("deleted", Assert.Throws<SlideChangedException>(() => image.ReadChunk(0, 1, 1, chunk)).Change, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0b110_100_100, 0b111_101_101, 0b100_100_100)]
    [InlineData(0b110_000_000, 0b111_101_101, 0b100_000_000)]
    [InlineData(0b110_100_100, 0b111_000_000, 0b100_000_000)]
    [InlineData(0b110_100_100, 0b111_101_000, 0b100_100_000)]
    [InlineData(0b110_100_100, 0b110_100_100, 0b000_000_000)]
    public void Readers_are_the_read_bits_the_file_grants_and_its_folder_lets_through(int fileMode, int folderMode, int readBits)
    {
        using var folder = new TemporaryDirectory();
        var inside = Directory.CreateDirectory(folder.File("inside")).FullName;
        var path = Path.Combine(inside, "slide.svs");
        File.Copy(SharedSlides.PathOf("small.svs"), path);
        File.SetUnixFileMode(path, (UnixFileMode)fileMode);
        File.SetUnixFileMode(inside, (UnixFileMode)folderMode);
        try
        {
            var readers = FileReaders.Of(path);
            var status = LocalFileStatus.Of(path);

            Assert.Equal((uint)readBits, readers.ReadBits);
            Assert.Equal(status.UserId, readers.UserId);
            Assert.Equal(status.GroupId, readers.GroupId);
        }
        finally
        {
            File.SetUnixFileMode(inside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
