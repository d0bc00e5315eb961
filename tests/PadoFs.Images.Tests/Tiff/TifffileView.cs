using System.Text.Json;
using PadoFs.Images.Tiff;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>What tifffile sees in a file (oracle tiff_structure.py), and the check that our reader sees the same.</summary>
internal sealed class TifffileView
{
    private readonly JsonElement _root;

    private TifffileView(JsonElement root) => _root = root;

    /// <summary>tifffile's reason for rejecting the file, or null when it reads it.</summary>
    public string? Error => _root.TryGetProperty("error", out var error) ? error.GetString() : null;

    public static TifffileView Of(string path)
    {
        using var document = JsonDocument.Parse(Python.RunOracle("tiff_structure.py", path));
        return new TifffileView(document.RootElement.Clone());
    }

    public void AssertSameAs(TiffFile file)
    {
        Assert.Null(Error);
        Assert.Equal(_root.GetProperty("byte_order").GetString() == "big" ? TiffByteOrder.BigEndian : TiffByteOrder.LittleEndian, file.ByteOrder);
        Assert.Equal(_root.GetProperty("bigtiff").GetBoolean(), file.IsBigTiff);

        var pages = _root.GetProperty("pages");
        Assert.Equal(pages.GetArrayLength(), file.Pages.Count);
        for (var i = 0; i < file.Pages.Count; i++)
        {
            var expected = pages[i];
            var page = file.Pages[i];
            AssertPage(expected, page);
            var subPages = expected.GetProperty("sub_pages");
            Assert.Equal(subPages.GetArrayLength(), page.SubPages.Count);
            for (var j = 0; j < page.SubPages.Count; j++)
            {
                AssertPage(subPages[j], page.SubPages[j]);
            }
        }

        var series = _root.GetProperty("series");
        Assert.Equal(series.GetArrayLength(), file.Series.Count);
        for (var i = 0; i < file.Series.Count; i++)
        {
            AssertSeries(series[i], file.Series[i]);
        }
    }

    private static void AssertSeries(JsonElement expected, TiffSeries series)
    {
        Assert.Equal(expected.GetProperty("name").GetString(), series.Name);
        Assert.Equal(expected.GetProperty("kind").GetString(), series.Kind);
        Assert.Equal(expected.GetProperty("axes").GetString(), series.Axes);
        Assert.Equal(Longs(expected.GetProperty("shape")), series.Shape);
        Assert.Equal(Longs(expected.GetProperty("pages")), series.Pages.Select(p => p.Offset));

        var levels = expected.GetProperty("levels");
        Assert.Equal(levels.GetArrayLength(), series.Levels.Count);
        for (var i = 0; i < series.Levels.Count; i++)
        {
            var level = series.Levels[i];
            Assert.Equal(levels[i].GetProperty("offset").GetInt64(), level.Offset);
            var grid = level.GetChunkByteCounts();
            var expectedGrid = levels[i].GetProperty("chunk_byte_counts");
            Assert.Equal(expectedGrid.GetArrayLength(), grid.GetLength(0));
            for (var row = 0; row < grid.GetLength(0); row++)
            {
                Assert.Equal(Longs(expectedGrid[row]), Enumerable.Range(0, grid.GetLength(1)).Select(col => grid[row, col]));
            }
        }
    }

    private static void AssertPage(JsonElement expected, TiffPage page)
    {
        var where = $"page at offset {page.Offset}";
        Assert.True(expected.GetProperty("offset").GetInt64() == page.Offset, where);
        Assert.Equal((where, expected.GetProperty("width").GetInt64(), expected.GetProperty("height").GetInt64()), (where, page.Width, page.Height));
        Assert.Equal(expected.GetProperty("samples_per_pixel").GetInt32(), page.SamplesPerPixel);
        Assert.Equal(expected.GetProperty("bits_per_sample").GetInt32(), page.BitsPerSample);
        Assert.Equal(expected.GetProperty("sample_format").GetInt32(), page.SampleFormat);
        Assert.Equal(expected.GetProperty("compression").GetInt32(), page.Compression);
        Assert.Equal(expected.GetProperty("photometric").GetInt32(), page.Photometric);
        Assert.Equal(expected.GetProperty("planar_configuration").GetInt32(), page.PlanarConfiguration);
        Assert.Equal(expected.GetProperty("predictor").GetInt32(), page.Predictor);
        Assert.Equal(expected.GetProperty("new_subfile_type").GetInt64(), page.NewSubfileType);
        Assert.Equal(expected.GetProperty("description").GetString(), page.ImageDescription);
        Assert.Equal(expected.GetProperty("tiled").GetBoolean(), page.IsTiled);
        Assert.Equal(expected.GetProperty("tile_width").GetInt64(), page.TileWidth);
        Assert.Equal(expected.GetProperty("tile_length").GetInt64(), page.TileLength);
        Assert.Equal(expected.GetProperty("rows_per_strip").GetInt64(), page.RowsPerStrip);
        Assert.Equal(Longs(expected.GetProperty("data_offsets")), page.DataOffsets);
        Assert.Equal(Longs(expected.GetProperty("data_byte_counts")), page.DataByteCounts);
        var tables = expected.GetProperty("jpeg_tables_length");
        Assert.Equal(tables.ValueKind == JsonValueKind.Null ? null : tables.GetInt32(), page.JpegTables?.Length);
        Assert.Equal(expected.GetProperty("chunk_width").GetInt64(), page.ChunkWidth);
        Assert.Equal(expected.GetProperty("chunk_height").GetInt64(), page.ChunkHeight);
        Assert.Equal(expected.GetProperty("chunk_rows").GetInt64(), page.ChunkRows);
        Assert.Equal(expected.GetProperty("chunk_cols").GetInt64(), page.ChunkCols);
        Assert.Equal(expected.GetProperty("axes").GetString(), page.Axes);
        Assert.Equal(Longs(expected.GetProperty("shape")), page.Shape);
    }

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt64()).ToArray();
}
