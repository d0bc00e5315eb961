using BenchmarkDotNet.Attributes;
using K4os.Compression.LZ4;
using PadoFs.Images;
using PadoFs.Testing;

namespace PadoFs.Benchmarks;

/// <summary>
/// Whether keeping decoded chunks LZ4-compressed in the cache would pay: what a hit would cost to decompress,
/// next to decoding the chunk again from the slide (the baseline), and how much memory it would save
/// (printed once per run). Measured on real JPEG tiles of an H&amp;E slide.
/// </summary>
[MemoryDiagnoser]
public class CachedChunkCompressionBenchmarks
{
    private Image _image = null!;
    private byte[] _decoded = [];
    private byte[] _compressed = [];
    private byte[] _output = [];
    private int _compressedLength;

    [Params("cmu-1-small-region.svs")]
    public string Slide { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _image = new Image(SharedSlides.PathOf(Slide)).Open();
        var level = _image.Levels[0];
        _decoded = new byte[level.ChunkWidth * level.ChunkHeight * _image.PixelFormat.BytesPerPixel];
        _output = new byte[_decoded.Length];
        _image.ReadChunk(0, level.ChunkRows / 2, level.ChunkColumns / 2, _decoded);
        _compressed = new byte[LZ4Codec.MaximumOutputSize(_decoded.Length)];
        _compressedLength = LZ4Codec.Encode(_decoded, _compressed, LZ4Level.L00_FAST);
        Console.WriteLine($"// LZ4 keeps a {_decoded.Length}-byte decoded tile in {_compressedLength} bytes ({100.0 * _compressedLength / _decoded.Length:0.0}%)");
    }

    [GlobalCleanup]
    public void Cleanup() => _image.Dispose();

    [Benchmark(Baseline = true, Description = "decode the tile again (JPEG)")]
    public void DecodeTile()
    {
        var level = _image.Levels[0];
        _image.ReadChunk(0, level.ChunkRows / 2, level.ChunkColumns / 2, _output);
    }

    [Benchmark(Description = "LZ4 compress (on every miss)")]
    public int Compress() => LZ4Codec.Encode(_decoded, _compressed, LZ4Level.L00_FAST);

    [Benchmark(Description = "LZ4 decompress (on every hit)")]
    public int Decompress() => LZ4Codec.Decode(_compressed.AsSpan(0, _compressedLength), _output);

    [Benchmark(Description = "copy (a hit today)")]
    public void Copy() => _decoded.CopyTo(_output, 0);
}
