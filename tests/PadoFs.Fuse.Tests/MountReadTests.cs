using System.Globalization;
using System.Security.Cryptography;
using PadoFs.Fuse.Tests.Support;

namespace PadoFs.Fuse.Tests;

[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class MountReadTests
{
    [Fact]
    public void Stat_reports_exact_sizes_read_only_modes_the_owner_and_the_time()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));
        var owner = Commands.Output("id", "-u").Trim() + " " + Commands.Output("id", "-g").Trim();

        var lines = Commands.Output(
                "stat", "-c", "%n|%s|%a|%u %g|%h|%F|%Y",
                mounted.PathOf("big.bin"), mounted.PathOf("slide.zarr/0/.zarray"), mounted.PathOf("slide.zarr"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .ToList();

        var seconds = TestTrees.Modified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal([TestTrees.BigLength.ToString(CultureInfo.InvariantCulture), "444", owner, "1", "regular file", seconds], lines[0][1..]);
        Assert.Equal(["321", "444", owner, "1", "regular file", seconds], lines[1][1..]);
        Assert.Equal(["555", owner, "directory", seconds], [lines[2][2], lines[2][3], lines[2][5], lines[2][6]]);
        Assert.Equal(TestTrees.Modified.UtcDateTime, File.GetLastWriteTimeUtc(mounted.PathOf("big.bin")));
    }

    [Fact]
    public void Bytes_at_random_offsets_are_exact()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));
        using var handle = File.OpenHandle(mounted.PathOf("big.bin"));
        var random = new Random(17);
        for (var i = 0; i < 200; i++)
        {
            var offset = random.NextInt64(TestTrees.BigLength);
            var buffer = new byte[random.Next(1, 300_000)];
            var count = RandomAccess.Read(handle, buffer, offset);

            Assert.Equal((int)Math.Min(buffer.Length, TestTrees.BigLength - offset), count);
            Assert.True(PatternFile.Expected(offset, count).AsSpan().SequenceEqual(buffer.AsSpan(0, count)), $"bytes differ at {offset}+{count}");
        }

        Assert.Equal(0, RandomAccess.Read(handle, new byte[10], TestTrees.BigLength));
    }

    [Fact]
    public void Large_reads_return_the_whole_file_and_reach_the_tree_in_large_requests()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out var big));

        using (var stream = new FileStream(mounted.PathOf("big.bin"), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            var content = new byte[TestTrees.BigLength + 1];
            var total = 0;
            int count;
            while ((count = stream.Read(content, total, Math.Min(1 << 20, content.Length - total))) > 0)
            {
                total += count;
            }

            Assert.Equal(TestTrees.BigLength, total);
            Assert.True(PatternFile.Expected(0, total).AsSpan().SequenceEqual(content.AsSpan(0, total)));
        }

        // The default read-ahead of 1 MiB lets the kernel ask for 1 MiB at a time instead of its own 128 KiB window.
        Assert.Equal(1 << 20, big.LargestRead);
        Assert.True(big.Reads <= TestTrees.BigLength / big.LargestRead + 2, $"{big.Reads} reads of at most {big.LargestRead} bytes for {TestTrees.BigLength} bytes");
    }

    [Fact]
    public void Cat_dd_and_python_read_the_same_bytes()
    {
        using var mounted = new MountedTree(TestTrees.Sample(out _));
        var path = mounted.PathOf("big.bin");
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(PatternFile.Expected(0, TestTrees.BigLength)));

        var catHash = Commands.Output("sh", "-c", "cat \"$1\" | sha256sum", "sh", path).Split(' ')[0];
        Assert.Equal(expectedHash, catHash);

        var ddHash = Commands.Output("sh", "-c", "dd if=\"$1\" bs=1M skip=3 count=1 status=none | sha256sum", "sh", path).Split(' ')[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(PatternFile.Expected(3 << 20, 1 << 20))), ddHash);

        var offsets = new[] { 0L, 1, 65535, 131071, 1 << 20, TestTrees.BigLength - 7 };
        var pythonBytes = Commands.PythonOutput(
                """
                import sys
                with open(sys.argv[1], 'rb') as f:
                    for offset in sys.argv[2:]:
                        f.seek(int(offset))
                        print(f.read(7).hex())
                """,
                [path, .. offsets.Select(offset => offset.ToString(CultureInfo.InvariantCulture))])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = offsets.Select(offset => Convert.ToHexStringLower(PatternFile.Expected(offset, (int)Math.Min(7, TestTrees.BigLength - offset))));
        Assert.Equal(expected, pythonBytes);
    }

    [Fact]
    public async Task Concurrent_readers_in_threads_and_processes_all_get_their_bytes()
    {
        const long length = 48L << 20;
        var big = new PatternFile("big.bin", length, TimeSpan.FromMilliseconds(1));
        using var mounted = new MountedTree(new Mount.Tree.MountTree(new MemoryDirectory(string.Empty, big)));
        var path = mounted.PathOf("big.bin");
        var ranges = Enumerable.Range(0, 48).Select(i => (Offset: (long)i << 20, Length: 1 << 20)).ToArray();
        Random.Shared.Shuffle(ranges);

        var processes = Enumerable.Range(0, 3).Select(process => Task.Run(() => Commands.PythonOutput(
            """
            import hashlib, os, sys
            fd = os.open(sys.argv[1], os.O_RDONLY)
            for item in sys.argv[2:]:
                offset, size = map(int, item.split(':'))
                print(item, hashlib.sha256(os.pread(fd, size, offset)).hexdigest())
            """,
            [path, .. ranges.Skip(process * 16).Take(16).Select(range => $"{range.Offset}:{range.Length}")]))).ToArray();
        var threads = Enumerable.Range(0, 6).Select(thread => Task.Run(() =>
        {
            using var handle = File.OpenHandle(path);
            foreach (var range in ranges.Skip(thread * 8).Take(8))
            {
                var buffer = new byte[range.Length];
                Assert.Equal(range.Length, RandomAccess.Read(handle, buffer, range.Offset));
                Assert.True(PatternFile.Expected(range.Offset, range.Length).AsSpan().SequenceEqual(buffer), $"bytes differ at {range.Offset}");
            }
        })).ToArray();

        await Task.WhenAll([.. processes, .. threads]).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var line in processes.SelectMany(process => process.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            var fields = line.Split(' ');
            var range = fields[0].Split(':').Select(long.Parse).ToArray();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(PatternFile.Expected(range[0], (int)range[1]))), fields[1]);
        }
    }
}
