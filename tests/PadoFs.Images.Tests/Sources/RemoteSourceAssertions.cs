using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Sources;
using PadoFs.Images.Tiff;
using PadoFs.Testing;
using Xunit.Abstractions;

namespace PadoFs.Images.Tests.Sources;

/// <summary>What every remote source must give: the file's own bytes, and chunks decoded as from the local copy.</summary>
internal static class RemoteSourceAssertions
{
    /// <summary>Random reads, short and long, alternately blocking and awaited, equal the local file's bytes there.</summary>
    public static async Task ReadsEqualTheFile(IByteSource source, string name, int reads, int seed)
    {
        var expected = File.ReadAllBytes(SharedSlides.PathOf(name));
        Assert.Equal(expected.Length, source.Length);
        var random = new Random(seed);
        for (var i = 0; i < reads; i++)
        {
            var length = i % 4 == 0 ? random.Next(300_000, 700_000) : random.Next(1, 5000);
            var offset = random.NextInt64(0, expected.Length);
            var buffer = new byte[length];
            var read = i % 2 == 0 ? source.Read(buffer, offset) : await source.ReadAsync(buffer, offset, CancellationToken.None);
            var wanted = (int)Math.Min(length, expected.Length - offset);
            Assert.Equal(wanted, read);
            Assert.True(expected.AsSpan((int)offset, wanted).SequenceEqual(buffer.AsSpan(0, read)), $"bytes {offset}+{wanted} differ");
        }

        Assert.Equal(0, source.Read(new byte[10], expected.Length));
    }

    /// <summary>
    /// Every chunk of every level decoded through <paramref name="source"/> equals the one decoded from the local file;
    /// reports the requests per chunk and bytes fetched, and fails if a chunk costs more than one request.
    /// </summary>
    public static void EveryChunkDecodesAsFromTheLocalFile(RemoteObjectSource source, string name, ITestOutputHelper output)
    {
        using var remoteFile = TiffFile.Open(source);
        var openRequests = source.Requests;
        using var localFile = TiffFile.Open(SharedSlides.PathOf(name));
        using var remote = TiffBackend.Over(remoteFile);
        using var local = TiffBackend.Over(localFile);

        var chunks = 0;
        for (var level = 0; level < local.ChunkSources.Count; level++)
        {
            var grid = local.ChunkSources[level].Grid;
            var expected = new byte[grid.ChunkLength];
            var actual = new byte[grid.ChunkLength];
            var perPlane = grid.ChunkRows * grid.ChunkColumns;
            for (var index = 0; index < grid.PlaneCount * perPlane; index++)
            {
                var chunk = grid.Chunk(index / perPlane, index / grid.ChunkColumns % grid.ChunkRows, index % grid.ChunkColumns);
                local.ChunkSources[level].Decode(chunk, expected);
                remote.ChunkSources[level].Decode(chunk, actual);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} level {level} chunk {chunk} differs");
                chunks++;
            }
        }

        var chunkRequests = source.Requests - openRequests;
        output.WriteLine($"{name}: {source.Length} bytes; open: {openRequests} requests; {chunks} chunks: {chunkRequests} requests ({(double)chunkRequests / chunks:0.00} per chunk); {source.BytesFetched} bytes fetched ({(double)source.BytesFetched / source.Length:0.00} x the file)");
        Assert.True(chunkRequests <= chunks, $"{chunkRequests} requests for {chunks} chunks");
        Assert.True(source.BytesFetched <= 2 * source.Length, $"{source.BytesFetched} bytes fetched for a file of {source.Length}");
    }
}
