using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given files tifffile reads as shaped, ImageJ and qptiff series mounted by the padofs daemon, when zarr-python reads
/// every level through the mount, then each equals tifffile's level in shape, dtype and every sample: in the pado
/// layout every file, in the ome-ngff layout those whose axes OME-NGFF names (no Q).
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class TiffSeriesCorpusMountTests(TiffSeriesCorpus corpus) : IClassFixture<TiffSeriesCorpus>
{
    public static TheoryData<string> Layouts => ["pado", "ome-ngff"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_level_read_through_the_mount_equals_tifffiles(string layout)
    {
        var names = layout == "pado" ? TiffSeriesCorpus.Files.Select(file => file.Name).ToList() : [.. TiffSeriesCorpus.NgffFiles];
        using var daemon = MountedDaemon.Start(names.Select(name => (object)new { urlpath = corpus.PathOf(name) }), layout);

        foreach (var name in names)
        {
            using var result = JsonDocument.Parse(Python.RunOracle("zarr_vs_reference.py", daemon.PathOf(name + ".zarr"), corpus.PathOf(name), layout));
            var levels = result.RootElement.GetProperty("levels").EnumerateObject().ToList();
            Assert.Equal(name is "shaped-rgb-stack.tif" or "qptiff-cyx-uint8.qptiff" ? 3 : 1, levels.Count);
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
