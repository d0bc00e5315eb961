using PadoFs.Testing;

namespace PadoFs.IntegrationTests;

/// <summary>
/// Given the shared slides mounted by the padofs daemon in either zarr format and either layout, zarrita (the
/// JavaScript reader of both formats) reads every level of every good slide with the reference pixels, and a v3
/// mount's documents are what OME-NGFF 0.5 and its consolidated metadata say.
/// </summary>
[Collection(MountCollection.Name)]
[Trait("Category", "Fuse")]
[Trait("Category", "Oracles")]
public sealed class ZarrFormatMountTests
{
    private static readonly string[] s_goodSlides = ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif"];

    [Theory]
    [InlineData("pado", "2")]
    [InlineData("ome-ngff", "2")]
    [InlineData("pado", "3")]
    [InlineData("ome-ngff", "3")]
    public void Zarrita_reads_every_level_of_every_good_slide_with_the_reference_pixels(string layout, string zarrFormat)
    {
        using var daemon = Mount(layout, zarrFormat);

        foreach (var slide in s_goodSlides)
        {
            var reading = ZarrTreeOracles.ZarritaVsReference(daemon.PathOf(slide + ".zarr"), SharedSlides.PathOf(slide), layout);

            Assert.Equal(reading.ReferenceLevels, reading.DifferingSamples.Count);
            Assert.All(reading.DifferingSamples, level =>
                Assert.True(level.Value == 0, $"{slide} level {level.Key} ({layout}, v{zarrFormat}): {reading.Levels[level.Key]}\n{daemon.Log}"));
        }
    }

    [Theory]
    [InlineData("pado")]
    [InlineData("ome-ngff")]
    public void A_v3_mount_validates_and_its_consolidated_metadata_equals_every_nodes_zarr_json(string layout)
    {
        using var daemon = Mount(layout, "3");

        foreach (var slide in s_goodSlides)
        {
            var root = daemon.PathOf(slide + ".zarr");
            var tree = ZarrTreeOracles.ValidateNgff05Tree(root);
            var consolidated = ZarrTreeOracles.CompareV3Consolidated(root);

            Assert.True(tree.Errors.Count == 0, $"{slide} ({layout}): {string.Join("; ", tree.Errors)}");
            Assert.Equal(layout == "ome-ngff" ? 1 + ZarrTreeOracles.ImageGroupsBesideTheSlide(root) : 0, tree.Images);
            Assert.Equal(("inline", false), (consolidated.Kind, consolidated.MustUnderstand));
            Assert.Equal(tree.Documents - 1, consolidated.Nodes);
            Assert.Empty(consolidated.Missing);
            Assert.Empty(consolidated.NotOnDisk);
            Assert.Empty(consolidated.Different);
        }

        Assert.False(File.Exists(daemon.PathOf("boxes.tiff.zarr/.zgroup")));
        Assert.True(Directory.Exists(daemon.PathOf("boxes.tiff.zarr/0/c")));
    }

    private static MountedDaemon Mount(string layout, string zarrFormat) =>
        MountedDaemon.Start(SharedSlideMountTests.AllSharedSlides(), layout, new Dictionary<string, string> { ["PADOFS__ZARRFORMAT"] = zarrFormat });
}
