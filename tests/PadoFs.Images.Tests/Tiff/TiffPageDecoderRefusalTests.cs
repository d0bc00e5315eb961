using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>A page whose samples, predictor or codec tags the decoder cannot honour is refused with a reason naming them.</summary>
[Trait("Category", "Fast")]
public sealed class TiffPageDecoderRefusalTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(3, 8, "unsupported TIFF BitsPerSample 8 for SampleFormat 3")]
    [InlineData(2, 64, "unsupported TIFF BitsPerSample 64 for SampleFormat 2")]
    [InlineData(1, 12, "unsupported TIFF BitsPerSample 12 for SampleFormat 1")]
    [InlineData(5, 16, "unsupported TIFF SampleFormat 5")]
    public void A_sample_type_numpy_has_no_dtype_for_is_refused(uint sampleFormat, uint bits, string reason)
    {
        var entries = HandmadeTiff.Image();
        entries[2] = (TiffTagCode.BitsPerSample, TiffTagType.Short, 1, bits);

        Assert.Equal(reason, Refusal([.. entries, (TiffTagCode.SampleFormat, TiffTagType.Short, 1, sampleFormat)]));
    }

    [Fact]
    public void Samples_of_different_sizes_are_refused()
    {
        var entries = HandmadeTiff.Image();
        entries[2] = (TiffTagCode.BitsPerSample, TiffTagType.Short, 2, 8 | (16u << 16));

        Assert.Equal(
            "unsupported TIFF samples of different sizes or formats in one pixel",
            Refusal([.. entries, (TiffTagCode.SamplesPerPixel, TiffTagType.Short, 1, 2)]));
    }

    [Fact]
    public void The_floating_point_predictor_on_integers_is_refused()
    {
        Assert.Equal(
            "unsupported TIFF floating-point predictor on SampleFormat 1 samples",
            Refusal([.. HandmadeTiff.Image(), (TiffTagCode.Predictor, TiffTagType.Short, 1, 3)]));
    }

    [Fact]
    public void A_predictor_under_an_image_codec_is_refused()
    {
        (ushort, TiffTagType, uint, uint)[] entries =
        [
            .. HandmadeTiff.Image(), (TiffTagCode.Compression, TiffTagType.Short, 1, 34712), (TiffTagCode.Predictor, TiffTagType.Short, 1, 2),
        ];

        Assert.Equal("unsupported TIFF predictor 2 with compression 34712, which stores pixels, not bytes", Refusal(entries));
    }

    [Fact]
    public void Old_style_lossless_JPEG_is_refused()
    {
        (ushort, TiffTagType, uint, uint)[] entries =
        [
            .. HandmadeTiff.Image(), (TiffTagCode.Compression, TiffTagType.Short, 1, 6), (TiffTagCode.JpegProc, TiffTagType.Short, 1, 14),
        ];

        Assert.Equal("unsupported old-style JPEG process 14 (only baseline)", Refusal(entries));
    }

    [Fact]
    public void Old_style_JPEG_tables_beyond_the_file_are_refused()
    {
        (ushort, TiffTagType, uint, uint)[] entries =
        [
            .. HandmadeTiff.Image(), (TiffTagCode.Compression, TiffTagType.Short, 1, 6),
            (TiffTagCode.JpegQTables, TiffTagType.Long, 1, 1_000_000), (TiffTagCode.JpegDcTables, TiffTagType.Long, 1, 8),
            (TiffTagCode.JpegAcTables, TiffTagType.Long, 1, 8),
        ];

        Assert.Equal("old-style JPEG table 0 at offset 1000000 lies beyond the end of the file", Refusal(entries));
    }

    private string Refusal((ushort Code, TiffTagType Type, uint Count, uint Value)[] entries)
    {
        var path = new HandmadeTiff().Ifd(entries).WriteTo(_directory.File($"page-{Guid.NewGuid():N}.tif"));
        using var file = TiffFile.Open(path);
        Assert.Null(TiffPageDecoder.TryCreate(file, file.Pages[0], out var reason));
        return reason;
    }
}
