using PadoFs.Images.Tiff;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Small files written by tifffile and Pillow for the corners the real slides do not reach.</summary>
[Trait("Category", "Oracles")]
public sealed class TiffEdgeCaseTests(TiffEdgeCaseFiles files) : IClassFixture<TiffEdgeCaseFiles>
{
    public static TheoryData<string> Names => TiffEdgeCaseFiles.NameData;

    [Fact]
    public void The_oracle_writes_every_case()
    {
        Assert.Equal(TiffEdgeCaseFiles.Names.Order(), files.Written.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pages_series_and_chunk_byte_counts_equal_tifffile(string name)
    {
        var path = files.PathOf(name);
        var expected = TifffileView.Of(path);

        using var file = TiffFile.Open(path);

        expected.AssertSameAs(file);
    }

    [Fact]
    public void Separate_planes_sum_their_byte_counts_per_chunk()
    {
        using var file = TiffFile.Open(files.PathOf("planar-separate-tiled.tif"));
        var page = file.Pages[0];
        var grid = page.GetChunkByteCounts();

        Assert.Equal(3, page.ChunkPlanes);
        var perPlane = page.ChunkRows * page.ChunkCols;
        Assert.Equal(page.DataByteCounts[0] + page.DataByteCounts[perPlane] + page.DataByteCounts[2 * perPlane], grid[0, 0]);
    }
}
