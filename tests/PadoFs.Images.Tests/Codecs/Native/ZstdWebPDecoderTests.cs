using PadoFs.Images.Codecs.WebP;
using PadoFs.Images.Codecs.Zstd;

namespace PadoFs.Images.Tests.Codecs.Native;

/// <summary>libzstd and libwebp load from Debian's packages and their decoders keep to the chunk they decode into.</summary>
[Trait("Category", "Fast")]
public sealed class ZstdWebPDecoderTests
{
    /// <summary>A zstd frame by the format's specification (RFC 8878): single segment, 10 content bytes in one raw block.</summary>
    private static readonly byte[] s_rawFrame =
    [
        0x28, 0xB5, 0x2F, 0xFD, 0x20, 10, (10 << 3) | 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ];

    [Fact]
    public void The_libraries_load()
    {
        Assert.True(ZstdNative.VersionNumber() >= 10_000);
        Assert.True(WebPNative.DecoderVersion() > 0);
    }

    [Fact]
    public void A_zstd_frame_decodes_into_its_chunk()
    {
        var chunk = new byte[16];

        var written = ZstdDecoder.Instance.Decode(s_rawFrame, chunk);

        Assert.Equal(10, written);
        Assert.Equal(s_rawFrame.AsSpan(9).ToArray(), chunk.AsSpan(0, 10).ToArray());
    }

    [Fact]
    public void A_zstd_frame_larger_than_its_chunk_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Instance.Decode(s_rawFrame, new byte[4]));

        Assert.Equal("Zstandard: the frame holds 10 bytes, more than the 4 of the chunk", error.Message);
    }

    [Fact]
    public void Bytes_that_are_no_zstd_frame_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Instance.Decode([1, 2, 3, 4, 5, 6], new byte[16]));

        Assert.Equal("Zstandard: not a zstd frame", error.Message);
    }

    [Fact]
    public void A_truncated_zstd_frame_is_refused_with_libzstd_s_reason()
    {
        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Instance.Decode(s_rawFrame.AsSpan(0, 12), new byte[16]));

        Assert.StartsWith("Zstandard: ", error.Message);
    }

    [Fact]
    public void Bytes_that_are_no_WebP_stream_are_refused()
    {
        var decoder = new WebPChunkDecoder(16, 16, 3);

        var error = Assert.Throws<InvalidDataException>(() => decoder.Decode("RIFF\0\0\0\0WEBPjunk"u8, new byte[16 * 16 * 3]));

        Assert.Equal("WebP: not a WebP stream", error.Message);
    }
}
