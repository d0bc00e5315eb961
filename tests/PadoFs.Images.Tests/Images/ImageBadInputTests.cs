using PadoFs.Images.Errors;
using PadoFs.Images.Geometry;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>Every kind of bad input gives its own exception, naming the file and the reason; nothing crashes.</summary>
[Trait("Category", "Fast")]
public sealed class ImageBadInputTests
{
    [Fact]
    public void A_file_that_is_no_slide_at_all_names_itself_and_both_readers_reasons()
    {
        var path = SharedSlides.PathOf("broken.svs");

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a slide format", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a TIFF", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_tiff_with_an_unsupported_compression_says_which()
    {
        var path = SharedSlides.PathOf("unopenable.tiff");

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("52479", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slide_that_opens_but_cannot_be_decoded_fails_every_read_clearly()
    {
        var path = SharedSlides.PathOf("unreadable.svs");
        using var image = new Image(path).Open();

        Assert.Equal(16, image.Metadata.Width);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = Assert.Throws<SlideReadException>(() => image.GetArray(IntPoint.Origin, new IntSize(16, 16), 0));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<SlideReadException>(() => image.ReadChunk(0, 0, 0, new byte[64 * 64 * 3]));
    }

    [Fact]
    public void A_missing_path_is_not_found()
    {
        var error = Assert.Throws<SlideNotFoundException>(() => new Image("/nonexistent/slide.svs").Open());

        Assert.Equal("Cannot open slide '/nonexistent/slide.svs': no such file", error.Message);
    }

    [Fact]
    public void A_directory_is_refused_as_a_directory()
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<SlideFormatException>(() => new Image(folder.Path).Open());

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("empty.svs");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_of_a_filesystem_PadoFs_does_not_read_is_refused_naming_it_and_its_scheme()
    {
        var image = new Image("ssh://host/slides/slide.svs");

        Assert.False(image.IsLocal(mustExist: false));
        var error = Assert.Throws<SlideFormatException>(() => image.Open());
        Assert.Contains("ssh://host/slides/slide.svs", error.Message, StringComparison.Ordinal);
        Assert.Contains("scheme", error.Message, StringComparison.Ordinal);
        Assert.False(new Image("s3://bucket/slide.svs").IsLocal(mustExist: false));
    }
}
