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
            var levels = MountedLevelComparison.AssertEveryLevelEqualsTheReference(daemon, name, corpus.PathOf(name), layout);
            Assert.Equal(name is "shaped-rgb-stack.tif" or "qptiff-cyx-uint8.qptiff" ? 3 : 1, levels);
        }
    }

    [Fact]
    public void In_the_ome_ngff_layout_a_series_over_an_axis_ngff_does_not_name_fails_alone_saying_the_pado_layout_serves_it()
    {
        using var daemon = MountedDaemon.Start([new { urlpath = corpus.PathOf("shaped-qqyx-uint16.tif") }, new { urlpath = corpus.PathOf("shaped-czyx-uint16.tif") }], "ome-ngff");

        Assert.IsType<IOException>(Record.Exception(() => Directory.GetFileSystemEntries(daemon.PathOf("shaped-qqyx-uint16.tif.zarr"))));
        Assert.True(File.Exists(daemon.PathOf("shaped-czyx-uint16.tif.zarr/.zattrs")));
        using var errors = JsonDocument.Parse(File.ReadAllBytes(daemon.PathOf(".padofs/errors.json")));
        var failure = Assert.Single(errors.RootElement.EnumerateArray());
        Assert.Equal("shaped-qqyx-uint16.tif.zarr", failure.GetProperty("folder").GetString());
        Assert.Equal("An image over QQYX has an axis Q that OME-NGFF does not name: the pado layout serves it.", failure.GetProperty("error").GetString());
    }
}
