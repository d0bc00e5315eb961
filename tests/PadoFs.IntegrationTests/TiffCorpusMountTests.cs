using System.Text.Json;
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
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(name + ".zarr"), corpus.PathOf(name), layout));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.True(levels.Count >= 3, $"{name}: {levels.Count} levels");
            Assert.Equal(levels.Count, result.RootElement.GetProperty("group_levels").GetArrayLength());
            foreach (var level in levels)
            {
                var where = $"{name} level {level.Name} ({layout})";
                Assert.Equal(level.Value.GetProperty("reference_dtype").GetString(), level.Value.GetProperty("dtype").GetString());
                Assert.Equal(
                    level.Value.GetProperty("reference_shape").EnumerateArray().Select(d => d.GetInt64()),
                    level.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
                Assert.True(level.Value.GetProperty("differing_samples").GetInt64() == 0, $"{where}: {level.Value}\n{daemon.Log}");
            }
        }
    }
}
