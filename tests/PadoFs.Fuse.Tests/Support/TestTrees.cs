using PadoFs.Mount.Tree;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>The in-memory trees the mount tests serve.</summary>
internal static class TestTrees
{
    public const int BigLength = 5 * 1024 * 1024;
    public const int SmallLength = 1000;
    public const int BrokenLength = 4096;

    public static readonly DateTimeOffset Modified = new(2024, 5, 17, 10, 30, 15, 250, TimeSpan.Zero);

    /// <summary>
    /// /big.bin (5 MiB), /small.bin, /slide.zarr/.zgroup, /slide.zarr/0/{.zarray,0.0.0}, /broken.bin whose reads
    /// throw and /broken.zarr that cannot be listed.
    /// </summary>
    public static MountTree Sample(out PatternFile big) => Sample(out big, TimeSpan.Zero);

    public static MountTree Sample(out PatternFile big, TimeSpan delayPerRead)
    {
        big = new PatternFile("big.bin", BigLength, delayPerRead);
        var level = new MemoryDirectory("0", new PatternFile(".zarray", 321), new PatternFile("0.0.0", 65536));
        var slide = new MemoryDirectory("slide.zarr", new PatternFile(".zgroup", 24), level);
        return new MountTree(new MemoryDirectory(string.Empty, big, new PatternFile("small.bin", SmallLength), slide, new FailingFile("broken.bin", BrokenLength), new FailingDirectory("broken.zarr")));
    }
}
