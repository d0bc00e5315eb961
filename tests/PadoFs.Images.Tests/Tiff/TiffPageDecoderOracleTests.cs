using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>
/// Every chunk of every page decodes to the samples tifffile's <c>page.asarray()</c> gives there (or, where Debian's
/// tifffile lacks the codec, libvips's or Pillow's decoding of that page): same dtype, same sample layout, same bytes.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class TiffPageDecoderOracleTests(TiffPageCorpus corpus) : IClassFixture<TiffPageCorpus>
{
    /// <summary>
    /// The shared slides that are TIFF files with readable pixels, but for ndpi-dapi.ndpi, a vendor format read
    /// through OpenSlide whose JPEG levels tifffile cuts into tiles of its own. The broken ones have their own tests.
    /// </summary>
    public static TheoryData<string> SharedSlideNames =>
    [
        "4D-series.ome.tiff", "boxes.tiff", "cmu-1-small-region.svs", "ojpeg-tile.tif", "qupath-cells-2c.ome.tif",
        "qupath-cells-gray32.tif", "qupath-cells.ome.tif", "small.svs", "small_la.tiff", "smalltif.tif",
        "tcga-cr-7395.svs", "test_orient3.tif",
    ];

    public static TheoryData<string> CorpusNames => TiffPageCorpus.NameData;

    [Fact]
    public void The_oracle_writes_every_corpus_file()
    {
        Assert.Equal(TiffPageCorpus.Names.Order(), corpus.Written.Order());
    }

    [Theory]
    [MemberData(nameof(SharedSlideNames))]
    public void Every_chunk_of_a_shared_slide_equals_the_oracle(string name)
    {
        AssertEveryChunk(SharedSlides.PathOf(name));
    }

    [Theory]
    [InlineData("small_la.tiff")]
    [InlineData("jpeg-grey-alpha-tiled.tif")]
    [InlineData("jpeg-4-samples-strips.tif")]
    public void A_JPEG_of_grey_and_extra_samples_in_one_stream_equals_an_independent_decoder(string name)
    {
        var path = name == "small_la.tiff" ? SharedSlides.PathOf(name) : corpus.PathOf(name);
        var oracle = Assert.Single(PageOracle.Of(path));

        // Debian's tifffile has no JPEG codec and TurboJPEG refuses such streams: the oracle must have read it.
        Assert.True(oracle.Error is null, oracle.Error);
        Assert.Contains(oracle.Reader, (string[])["gdal", "vips"]);
        AssertEveryChunk(path);
    }

    [Fact]
    public void A_page_of_an_unknown_compression_is_refused_with_its_code()
    {
        using var file = TiffFile.Open(SharedSlides.PathOf("unopenable.tiff"));

        Assert.Null(TiffPageDecoder.TryCreate(file, file.Pages[0], out var reason));
        Assert.Equal("unsupported TIFF compression 52479", reason);
    }

    [Fact]
    public void A_corrupt_JPEG_tile_fails_as_corrupt_data()
    {
        using var file = TiffFile.Open(SharedSlides.PathOf("unreadable.svs"));
        var decoder = TiffPageDecoder.TryCreate(file, file.Pages[0], out var reason);

        Assert.True(decoder is not null, reason);
        Assert.True(FailsToDecode(decoder));
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Every_chunk_of_a_corpus_file_equals_the_oracle(string name)
    {
        AssertEveryChunk(corpus.PathOf(name));
    }

    private static void AssertEveryChunk(string path)
    {
        var expected = PageOracle.Of(path);
        using var file = TiffFile.Open(path);
        var pages = new Dictionary<long, TiffPage>();
        foreach (var page in file.Pages)
        {
            pages[page.Offset] = page;
            foreach (var subPage in page.SubPages)
            {
                pages[subPage.Offset] = subPage;
            }
        }

        Assert.NotEmpty(expected);
        foreach (var oracle in expected)
        {
            var page = pages[oracle.Offset];
            var decoder = TiffPageDecoder.TryCreate(file, page, out var reason);
            if (oracle.Error is not null)
            {
                // What no reader here decodes, ours refuses or fails on with a reason, never with made-up pixels.
                Assert.True(decoder is null || FailsToDecode(decoder), $"page at {oracle.Offset}: the oracle says '{oracle.Error}', but it decodes");
                continue;
            }

            Assert.True(decoder is not null, $"page at {oracle.Offset} ({oracle.Reader} reads it): {reason}");
            Assert.Equal(oracle.Dtype, decoder.Format.NumpyDType);
            Assert.Equal(oracle.Shape, page.Shape);
            AssertChunks(decoder, oracle);
        }
    }

    private static void AssertChunks(TiffPageDecoder decoder, PageOracle oracle)
    {
        var page = decoder.Page;
        var sampleBytes = decoder.Format.BytesPerSample;
        var pixelBytes = decoder.ChunkSamples * sampleBytes;
        var (width, height) = ((int)page.Width, (int)page.Height);
        var (chunkWidth, chunkHeight) = ((int)page.ChunkWidth, (int)page.ChunkHeight);
        var chunk = new byte[(long)chunkWidth * chunkHeight * pixelBytes];
        var planeBytes = (long)width * height * pixelBytes;
        for (var plane = 0; plane < page.ChunkPlanes; plane++)
        {
            for (var row = 0; row < page.ChunkRows; row++)
            {
                for (var col = 0; col < page.ChunkCols; col++)
                {
                    Array.Fill(chunk, (byte)0xA5);
                    decoder.ReadPlaneChunk(plane, row, col, chunk);
                    var left = col * chunkWidth;
                    var pixels = Math.Min(chunkWidth, width - left);
                    for (var y = row * chunkHeight; y < Math.Min((row + 1) * chunkHeight, height); y++)
                    {
                        var actual = chunk.AsSpan((y - (row * chunkHeight)) * chunkWidth * pixelBytes, pixels * pixelBytes);
                        var wanted = oracle.Data.AsSpan((int)((plane * planeBytes) + ((((long)y * width) + left) * pixelBytes)), pixels * pixelBytes);
                        if (!actual.SequenceEqual(wanted))
                        {
                            var first = actual.CommonPrefixLength(wanted);
                            Assert.Fail($"page at {oracle.Offset} ({oracle.Reader}), plane {plane}, chunk ({row}, {col}): row {y} differs first at x = {left + (first / pixelBytes)}, sample byte {first % pixelBytes}: {actual[first]} instead of {wanted[first]}");
                        }
                    }
                }
            }
        }
    }

    private static bool FailsToDecode(TiffPageDecoder decoder)
    {
        var chunk = new byte[decoder.ChunkBytes];
        try
        {
            for (var plane = 0; plane < decoder.Page.ChunkPlanes; plane++)
            {
                for (var row = 0; row < decoder.Page.ChunkRows; row++)
                {
                    for (var col = 0; col < decoder.Page.ChunkCols; col++)
                    {
                        decoder.ReadPlaneChunk(plane, row, col, chunk);
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            return true;
        }

        return false;
    }
}
