using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the generated TIFF corpus (OME-TIFF SubIFD pyramids in RGB JPEG and 4-channel uint16, planar RGB, RGBA,
/// greyscale 8 and 16-bit BigTIFF, int16, float32, ZSTD and WebP pyramids, all 1001 x 777 at level 0) mounted by the
/// padofs daemon, when zarr-python reads every level through the mount, then each equals tifffile's level (or, where
/// Debian's tifffile has no codec, Pillow's libtiff or libvips reading that page) in shape, dtype and every sample.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class TiffCorpusMountTests(TiffCorpus corpus) : IClassFixture<TiffCorpus>
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_level_of_every_corpus_file_read_through_the_mount_equals_its_oracle(string layout)
    {
        using var daemon = MountedDaemon.Start(TiffCorpus.Files.Select(name => (object)new { urlpath = corpus.PathOf(name) }), layout);

        foreach (var name in TiffCorpus.Files)
        {
            var levels = MountedLevelComparison.AssertEveryLevelEqualsTheReference(daemon, name, corpus.PathOf(name), layout);
            Assert.True(levels >= 3, $"{name}: {levels} levels");
        }
    }
}
