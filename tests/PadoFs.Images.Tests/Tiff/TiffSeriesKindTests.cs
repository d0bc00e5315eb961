using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>
/// Given files tifffile reads as shaped, ImageJ and qptiff series, when our reader opens them, then it sees tifffile's
/// series (kind, name, axes, shape, pages, levels and their chunk byte counts), and the files go to our TIFF reader,
/// not OpenSlide.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffSeriesKindTests(TiffSeriesCorpus corpus) : IClassFixture<TiffSeriesCorpus>
{
    public static TheoryData<string, string> NamesAndKinds => TiffSeriesCorpus.NamesAndKinds;

    [Theory]
    [MemberData(nameof(NamesAndKinds))]
    public void Series_pages_and_levels_equal_tifffiles(string name, string kind)
    {
        var path = corpus.PathOf(name);
        var expected = TifffileView.Of(path);

        using var file = TiffFile.Open(path);

        Assert.Equal(kind, file.Series[0].Kind);
        expected.AssertSameAs(file);
    }

    [Theory]
    [MemberData(nameof(NamesAndKinds))]
    public void The_file_is_read_by_the_tiff_reader(string name, string kind)
    {
        using var slide = SlideOpener.Open(corpus.PathOf(name), corpus.PathOf(name));

        Assert.True(slide.Backend.Name == "tiff", $"{name} ({kind}) opened by {slide.Backend.Name}");
    }

    [Fact]
    public void A_qptiffs_channels_are_named_and_coloured_as_its_pages_describe_them()
    {
        using var slide = SlideOpener.Open(corpus.PathOf("qptiff-cyx-uint8.qptiff"), corpus.PathOf("qptiff-cyx-uint8.qptiff"));

        Assert.Equal(["DAPI", "CD8", "PanCK", "Autofluorescence"], slide.Backend.Channels.Select(c => c.Name));
        Assert.Equal([0x0000FFFFu, 0x00FF00FFu, 0xFF0000FFu, 0xFFFFFFFFu], slide.Backend.Channels.Select(c => c.Rgba ?? 0));
    }
}
