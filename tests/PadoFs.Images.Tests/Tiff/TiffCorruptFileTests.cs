using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Broken structures fail fast with a message saying what is wrong, never with a hang or a huge allocation.</summary>
[Trait("Category", "Fast")]
public sealed class TiffCorruptFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_well_formed_handmade_file_opens()
    {
        var path = new HandmadeTiff().Ifd(HandmadeTiff.Image(5, 3)).WriteTo(_directory.File("fine.tif"));

        using var file = TiffFile.Open(path);

        Assert.Equal((5L, 3L), (file.Pages[0].Width, file.Pages[0].Height));
        Assert.Equal(new long[,] { { 15 } }, file.Series[0].Levels[0].GetChunkByteCounts());
    }

    [Fact]
    public void An_empty_file_is_not_tiff()
    {
        var path = _directory.File("empty.tif");
        File.WriteAllBytes(path, []);

        Assert.Contains("not a TIFF file", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ifd_linking_to_itself_is_a_loop()
    {
        var path = new HandmadeTiff().Ifd(HandmadeTiff.Image(), next: 8).WriteTo(_directory.File("self-loop.tif"));

        Assert.Contains("IFD loop", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ifds_linking_to_each_other_are_a_loop()
    {
        var tiff = new HandmadeTiff().Ifd(HandmadeTiff.Image(), next: 8 + 2 + (7 * 12) + 4);
        var path = tiff.Ifd(HandmadeTiff.Image(), next: 8).WriteTo(_directory.File("loop.tif"));

        Assert.Contains("IFD loop", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_an_ifd_is_truncated()
    {
        var source = SharedSlides.PathOf("cmu-1-small-region.svs");
        long firstIfd;
        using (var file = TiffFile.Open(source))
        {
            firstIfd = file.Pages[0].Offset;
        }

        var path = _directory.File("cut.svs");
        File.WriteAllBytes(path, File.ReadAllBytes(source)[..(int)(firstIfd + 40)]);

        Assert.Contains("truncated", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_ifd_beyond_the_end_is_reported()
    {
        var path = new HandmadeTiff(firstIfdOffset: 4000).WriteTo(_directory.File("far.tif"));

        Assert.Contains("outside the file", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunk_table_beyond_the_end_is_truncated()
    {
        var entries = HandmadeTiff.Image(8, 800);
        entries[4] = (TiffTagCode.StripOffsets, TiffTagType.Long, 20, 60);
        entries[5] = (TiffTagCode.RowsPerStrip, TiffTagType.Long, 1, 8);
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File("short-table.tif"));

        Assert.Contains("truncated", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_absurd_number_of_tags_is_reported()
    {
        var path = new HandmadeTiff().Ifd(HandmadeTiff.Image(), declaredCount: 60000).WriteTo(_directory.File("many-tags.tif"));

        Assert.Contains("claims 60000 tags", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_count_beyond_the_file_size_is_reported()
    {
        var entries = HandmadeTiff.Image();
        entries[6] = (TiffTagCode.StripByteCounts, TiffTagType.Long, 2_000_000_000, 8);
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File("huge-count.tif"));

        Assert.Contains("claims 2000000000 values", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_absurd_chunk_grid_is_reported()
    {
        var entries = HandmadeTiff.Image(uint.MaxValue, uint.MaxValue);
        entries[5] = (TiffTagCode.RowsPerStrip, TiffTagType.Long, 1, 1);
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File("huge-grid.tif"));

        Assert.Contains("absurd", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Tiles_of_no_height_are_reported()
    {
        (ushort, TiffTagType, uint, uint)[] entries = [.. HandmadeTiff.Image(), (TiffTagCode.TileWidth, TiffTagType.Short, 1, 16)];
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File("flat-tiles.tif"));

        Assert.Contains("tiles of 16 x 0", Open(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_tags_and_field_types_are_kept_or_skipped_without_failing()
    {
        (ushort, TiffTagType, uint, uint)[] entries =
        [
            .. HandmadeTiff.Image(),
            (65000, (TiffTagType)99, 5, 0),
            (65001, TiffTagType.Undefined, 3_000_000, 0),
            (65002, TiffTagType.Rational, 1, 20),
            (65003, TiffTagType.Short, 30, 90),
        ];
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File("unknown-tags.tif"));

        using var file = TiffFile.Open(path);
        var page = file.Pages[0];

        Assert.False(page.TryGetTag(65000, out _));
        Assert.True(page.TryGetTag(65001, out var absurd));
        Assert.False(absurd.IsLoaded);
        Assert.Contains("more than the file has bytes", Assert.Throws<TiffFormatException>(() => file.ReadTagValue(absurd)).Message, StringComparison.Ordinal);
        Assert.True(page.TryGetTag(65003, out var outside));
        Assert.False(outside.IsLoaded);
        Assert.Contains("truncated", Assert.Throws<TiffFormatException>(() => file.ReadTagValue(outside)).Message, StringComparison.Ordinal);
        Assert.True(page.TryGetTag(65002, out var rational));
        Assert.True(rational.IsLoaded);
    }

    private static string Open(string path) => Assert.Throws<TiffFormatException>(() => TiffFile.Open(path).Dispose()).Message;
}
