using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

[Trait("Category", "Oracles")]
public sealed class TiffStructureTests
{
    public static TheoryData<string> TiffSlides => new(SharedSlides.TiffFiles);

    [Theory]
    [MemberData(nameof(TiffSlides))]
    public void Pages_series_and_chunk_byte_counts_equal_tifffile(string name)
    {
        var path = SharedSlides.PathOf(name);
        var expected = TifffileView.Of(path);

        using var file = TiffFile.Open(path);

        expected.AssertSameAs(file);
    }

    [Fact]
    public void A_file_that_is_not_tiff_is_rejected_like_tifffile_rejects_it()
    {
        var path = SharedSlides.PathOf("broken.svs");
        Assert.NotNull(TifffileView.Of(path).Error);

        var error = Assert.Throws<TiffFormatException>(() => TiffFile.Open(path));

        Assert.Contains("not a TIFF file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Svs_jpeg_pages_carry_their_jpeg_tables()
    {
        using var file = TiffFile.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));
        var baseline = file.Series[0].Levels[0];

        Assert.Equal(7, baseline.Compression);
        Assert.NotNull(baseline.JpegTables);
        Assert.Equal([0xFF, 0xD8], baseline.JpegTables![..2]);
        Assert.Equal([0xFF, 0xD9], baseline.JpegTables![^2..]);
    }

    [Fact]
    public void Chunk_data_is_readable_where_the_tables_point()
    {
        using var file = TiffFile.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));
        var page = file.Series[0].Levels[0];
        var last = page.DataOffsets.Length - 1;
        var chunk = new byte[page.DataByteCounts[last]];

        var read = file.Read(page.DataOffsets[last], chunk);

        Assert.Equal(chunk.Length, read);
        Assert.Equal([0xFF, 0xD8], chunk[..2]);
    }
}
