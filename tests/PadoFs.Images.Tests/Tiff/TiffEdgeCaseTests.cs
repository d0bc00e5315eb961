using System.Text.Json;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Small files tifffile writes (oracle tiff_edge_cases.py) for the corners the real slides do not reach.</summary>
public sealed class TiffEdgeCaseTests(TiffEdgeCaseTests.Files files) : IClassFixture<TiffEdgeCaseTests.Files>
{
    private static readonly string[] s_names =
    [
        "bigtiff-tiled-deflate.tif",
        "big-endian-strips-uint16.tif",
        "big-endian-bigtiff-tiled-uint16.tif",
        "planar-separate-tiled.tif",
        "planar-separate-strips-uint16.tif",
        "strips-rgb-uncompressed.tif",
        "reduced-pages-pyramid.tif",
        "subifd-pyramid.tif",
        "strips-pyramid.tif",
        "stack-and-second-image.tif",
        "two-images-with-levels.tif",
    ];

    public static TheoryData<string> Names => new(s_names);

    [Fact]
    public void The_oracle_writes_every_case()
    {
        Assert.Equal(s_names.Order(), files.Written.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pages_series_and_chunk_byte_counts_equal_tifffile(string name)
    {
        var path = files.Directory.File(name);
        var expected = TifffileView.Of(path);

        using var file = TiffFile.Open(path);

        expected.AssertSameAs(file);
    }

    [Fact]
    public void Separate_planes_sum_their_byte_counts_per_chunk()
    {
        using var file = TiffFile.Open(files.Directory.File("planar-separate-tiled.tif"));
        var page = file.Pages[0];
        var grid = page.GetChunkByteCounts();

        Assert.Equal(3, page.ChunkPlanes);
        var perPlane = page.ChunkRows * page.ChunkCols;
        Assert.Equal(page.DataByteCounts[0] + page.DataByteCounts[perPlane] + page.DataByteCounts[2 * perPlane], grid[0, 0]);
    }

    /// <summary>Writes the files once for all tests of the class.</summary>
    public sealed class Files : IDisposable
    {
        public Files()
        {
            Written = JsonSerializer.Deserialize<string[]>(Python.RunOracle("tiff_edge_cases.py", Directory.Path)) ?? [];
        }

        public TemporaryDirectory Directory { get; } = new();

        public IReadOnlyList<string> Written { get; }

        public void Dispose() => Directory.Dispose();
    }
}
