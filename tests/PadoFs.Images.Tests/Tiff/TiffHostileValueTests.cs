using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Images.Errors;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>
/// Every structural value of a hostile TIFF is checked before it is used: each check fails with its own message,
/// and what would make OpenSlide allocate out of bounds keeps the file from OpenSlide.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TiffHostileValueTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_tile_width_of_0_is_reported_even_on_an_image_of_no_width()
    {
        var path = Write("zero-tiles.tif", Tiled(HandmadeTiff.Image(width: 0), 0, 16));

        Assert.Equal("page 0 has tiles of 0 x 16 pixels.", Open(path));
    }

    [Fact]
    public void A_tile_length_of_0_is_reported()
    {
        var path = Write("flat-tiles.tif", Tiled(HandmadeTiff.Image(), 16, 0));

        Assert.Equal("page 0 has tiles of 16 x 0 pixels.", Open(path));
    }

    [Fact]
    public void A_negative_width_is_reported()
    {
        var entries = HandmadeTiff.Image();
        entries[0] = (TiffTagCode.ImageWidth, TiffTagType.SLong, 1, unchecked((uint)-5));
        var path = Write("negative.tif", entries);

        Assert.Equal("page 0 has -5 x 8 pixels of 1 samples.", Open(path));
    }

    [Fact]
    public void Rows_per_strip_of_0_is_reported_even_on_an_image_of_no_width()
    {
        var entries = HandmadeTiff.Image(width: 0);
        entries[5] = (TiffTagCode.RowsPerStrip, TiffTagType.Long, 1, 0);
        var path = Write("no-rows.tif", entries);

        Assert.Equal("page 0 has RowsPerStrip 0.", Open(path));
    }

    [Fact]
    public void A_16_bit_code_out_of_range_is_reported()
    {
        (ushort, TiffTagType, uint, uint)[] entries = [.. HandmadeTiff.Image(), (TiffTagCode.Compression, TiffTagType.Long, 1, 70_000)];
        var path = Write("huge-code.tif", entries);

        Assert.Equal("page 0 has 70000 in tag 259, which holds a 16-bit value.", Open(path));
    }

    [Fact]
    public void A_size_given_as_text_is_reported()
    {
        var entries = HandmadeTiff.Image();
        entries[0] = (TiffTagCode.ImageWidth, TiffTagType.Ascii, 1, 0x38);
        var path = Write("text-width.tif", entries);

        Assert.Equal("tag 256 has type Ascii, expected an integer type.", Open(path));
    }

    [Fact]
    public void A_grid_of_more_chunks_than_the_bound_is_reported()
    {
        var path = Write("huge-grid.tif", Tiled(HandmadeTiff.Image(width: 1u << 31), 16, 16));

        Assert.Equal("page 0 would have 1 x 1 x 134217728 chunks: absurd.", Open(path));
    }

    [Fact]
    public void A_compressed_chunk_larger_than_the_chunk_bound_is_refused()
    {
        (ushort, TiffTagType, uint, uint)[] entries = [.. HandmadeTiff.Image(8000, 8000), (TiffTagCode.Compression, TiffTagType.Short, 1, 8)];
        var path = Write("one-deflate-strip.tif", entries);

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.StartsWith("TIFF chunks of 8000 x 8000 pixels of 1 samples take 61 MiB decoded, more than the 48 MiB a chunk may take", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_tiff_is_refused_by_our_reader_without_asking_openslide()
    {
        var path = Write("flat-tiles.svs", Tiled(HandmadeTiff.Image(), 16, 0));

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.Equal("broken TIFF structure: page 0 has tiles of 16 x 0 pixels.", error.Reason);
    }

    [Fact]
    public void A_text_tag_outside_the_file_is_a_slide_format_error()
    {
        (ushort, TiffTagType, uint, uint)[] entries = [.. HandmadeTiff.Image(), (TiffTagCode.Software, TiffTagType.Ascii, 100, 100_000)];
        var path = Write("far-software.tif", entries);

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.StartsWith("the value of tag 305 (100 x Ascii) needs 100 bytes at offset 100000, but the file has", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiles_openslide_would_allocate_beyond_the_chunk_bound_keep_it_away()
    {
        var path = Write("big-tiles.tif", Tiled(HandmadeTiff.Image(), 4096, 4096));

        Assert.Equal("page 0 has tiles of 4096 x 4096 pixels, more than 48 MiB each decoded", OpenSlideRefusal(path));
    }

    [Fact]
    public void More_samples_than_openslide_renders_keep_it_away()
    {
        (ushort, TiffTagType, uint, uint)[] entries = [.. HandmadeTiff.Image(), (TiffTagCode.SamplesPerPixel, TiffTagType.Short, 1, 65535)];
        var path = Write("many-samples.tif", entries);

        Assert.Equal("page 0 has 65535 samples per pixel", OpenSlideRefusal(path));
    }

    [Fact]
    public void A_byte_count_past_the_end_of_the_file_keeps_openslide_away()
    {
        var entries = HandmadeTiff.Image();
        entries[6] = (TiffTagCode.StripByteCounts, TiffTagType.Long, 1, uint.MaxValue);
        var path = Write("far-strip.tif", entries);

        Assert.Matches(@"^page 0 has chunk 0 of 4294967295 bytes at offset 8, outside the file \(\d+ bytes\)$", OpenSlideRefusal(path));
    }

    [Fact]
    public void A_tile_table_shorter_than_the_grid_keeps_openslide_away()
    {
        var path = Write("short-table.tif", Tiled(HandmadeTiff.Image(64, 64), 16, 16));

        Assert.Equal("page 0 does not list the offset and byte count of each of its 16 chunks", OpenSlideRefusal(path));
    }

    [Fact]
    public void A_sound_tiff_is_handed_to_openslide()
    {
        using var file = TiffFile.Open(SharedSlides.PathOf("cmu-1-small-region.svs"));

        Assert.Null(OpenSlideTiffCheck.Refusal(file));
    }

    // The image's strip tags become tile tags (each with one entry), and the tile size is added.
    private static (ushort, TiffTagType, uint, uint)[] Tiled((ushort Code, TiffTagType Type, uint Count, uint Value)[] image, uint width, uint length) =>
    [
        .. image.Where(e => e.Code != TiffTagCode.RowsPerStrip).Select(e => e.Code switch
        {
            TiffTagCode.StripOffsets => (TiffTagCode.TileOffsets, e.Type, e.Count, e.Value),
            TiffTagCode.StripByteCounts => (TiffTagCode.TileByteCounts, e.Type, e.Count, e.Value),
            _ => e,
        }),
        (TiffTagCode.TileWidth, TiffTagType.Long, 1, width),
        (TiffTagCode.TileLength, TiffTagType.Long, 1, length),
    ];

    private static string Open(string path) => Assert.Throws<TiffFormatException>(() => TiffFile.Open(path).Dispose()).Message;

    private static string? OpenSlideRefusal(string path)
    {
        using var file = TiffFile.Open(path);
        return OpenSlideTiffCheck.Refusal(file);
    }

    private string Write(string name, IReadOnlyList<(ushort Code, TiffTagType Type, uint Count, uint Value)> entries) =>
        new HandmadeTiff().Ifd([.. entries.OrderBy(e => e.Code)]).WriteTo(_directory.File(name));
}
