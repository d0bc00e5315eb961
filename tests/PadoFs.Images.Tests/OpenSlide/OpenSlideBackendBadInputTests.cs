using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Images.Errors;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Broken and unsupported files fail with clear exceptions naming the file and OpenSlide's reason.</summary>
[Trait("Category", "Oracles")]
public sealed class OpenSlideBackendBadInputTests
{
    [Theory]
    [InlineData("broken.svs")]
    [InlineData("smalltif.tif")]
    public void Unrecognised_file_is_a_format_error(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        Assert.Equal("unsupported", OpenSlideOracle.Errors(path).Open);

        var error = Assert.Throws<SlideFormatException>(() => OpenSlideBackend.Open(path));

        Assert.Equal(path, error.Urlpath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("not a format OpenSlide recognises", error.Reason);
    }

    [Fact]
    public void File_OpenSlide_fails_to_open_is_a_format_error_with_its_reason()
    {
        var path = SharedSlides.PathOf("unopenable.tiff");
        var reason = OpenSlideOracle.Errors(path).Open;
        Assert.NotNull(reason);

        var error = Assert.Throws<SlideFormatException>(() => OpenSlideBackend.Open(path));

        Assert.Equal(reason, error.Reason);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_slide_opens_and_every_read_fails_with_OpenSlides_reason()
    {
        var path = SharedSlides.PathOf("unreadable.svs");
        var reason = OpenSlideOracle.Errors(path).Read;
        Assert.NotNull(reason);
        using var backend = OpenSlideBackend.Open(path);
        var level = backend.Levels[0];
        var destination = new byte[level.Width * level.Height * 3];

        var first = Assert.Throws<SlideReadException>(() => backend.ReadRegion(0, 0, 0, (int)level.Width, (int)level.Height, destination));
        var second = Assert.Throws<SlideReadException>(() => backend.ReadRegion(0, 0, 0, (int)level.Width, (int)level.Height, destination));
        var elsewhere = Assert.Throws<SlideReadException>(() => backend.ReadRegion(0, -5, -5, 4, 4, destination));

        Assert.Equal(reason, first.Reason);
        Assert.Contains(path, first.Message, StringComparison.Ordinal);
        Assert.Equal(reason, second.Reason);
        Assert.Equal(reason, elsewhere.Reason);
        foreach (var name in backend.AssociatedImageNames)
        {
            Assert.Equal(reason, Assert.Throws<SlideReadException>(() => backend.ReadAssociatedImage(name)).Reason);
        }
    }

    [Fact]
    public void Missing_file_is_not_found()
    {
        var path = SharedSlides.PathOf("no-such-slide.svs");

        var error = Assert.Throws<SlideNotFoundException>(() => OpenSlideBackend.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_is_a_format_error()
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.Throws<SlideFormatException>(() => OpenSlideBackend.Open(directory.Path));

        Assert.Contains(directory.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_are_rejected_before_reading()
    {
        using var backend = OpenSlideBackend.Open(SharedSlides.PathOf("small.svs"));

        Assert.Throws<ArgumentOutOfRangeException>(() => backend.ReadRegion(1, 0, 0, 4, 4, new byte[48]));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.ReadRegion(-1, 0, 0, 4, 4, new byte[48]));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.ReadRegion(0, 0, 0, -4, 4, new byte[48]));
        Assert.Throws<ArgumentException>(() => backend.ReadRegion(0, 0, 0, 4, 4, new byte[47]));
        Assert.Throws<ArgumentException>(() => backend.ReadAssociatedImage("no-such-image"));
    }

    [Fact]
    public void Reading_after_dispose_fails_clearly()
    {
        var backend = OpenSlideBackend.Open(SharedSlides.PathOf("small.svs"));
        backend.Dispose();
        backend.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => backend.ReadRegion(0, 0, 0, 4, 4, new byte[48]));
        Assert.Contains("small.svs", error.Message, StringComparison.Ordinal);
    }
}
