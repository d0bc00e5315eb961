using System.Text.Json;
using System.Text.Json.Nodes;
using PadoFs.Images;
using PadoFs.Images.Geometry;
using PadoFs.Testing;

namespace PadoFs.Zarr.Tests;

/// <summary>pado's get_zarr_store: one level as a store, by tile or whole, with the caller's attributes.</summary>
[Trait("Category", "Fast")]
public sealed class LevelStoreTests
{
    [Fact]
    public void A_level_store_lists_its_documents_and_one_chunk_per_stored_tile()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();

        var store = image.GetZarrStore(0);
        var keys = store.EnumerateKeys().ToList();

        Assert.Equal(".zarray", keys[0]);
        Assert.Equal(".zattrs", keys[1]);
        Assert.Equal(13 * 10, keys.Count - 2);
        Assert.Contains("12.9.0", keys);
        Assert.Equal(240 * 240 * 3, store.GetLength("12.9.0"));
        Assert.False(store.ContainsKey("13.0.0"));
        Assert.False(store.ContainsKey("01.0.0"));
    }

    [Fact]
    public void In_whole_level_mode_the_one_chunk_is_the_whole_level()
    {
        using var image = new Image(SharedSlides.PathOf("boxes.tiff")).Open();

        var store = image.GetZarrStore(1, ChunkMode.Level);

        Assert.Equal([".zarray", ".zattrs", "0.0.0"], store.EnumerateKeys());
        var whole = image.GetArray(IntPoint.Origin, new IntSize(150, 125), 1);
        Assert.Equal(whole.Data, store.ReadAll("0.0.0"));
        using var zarray = JsonDocument.Parse(store.ReadAll(".zarray"));
        Assert.Equal([125, 150, 3], zarray.RootElement.GetProperty("chunks").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void The_callers_attributes_are_merged_into_the_levels_zattrs()
    {
        using var image = new Image(SharedSlides.PathOf("small.svs")).Open();

        var store = image.GetZarrStore(0, zattrs: new JsonObject { ["stain"] = "H&E", ["scanner"] = new JsonObject { ["id"] = 7 } });

        using var attributes = JsonDocument.Parse(store.ReadAll(".zattrs"));
        Assert.Equal("H&E", attributes.RootElement.GetProperty("stain").GetString());
        Assert.Equal(7, attributes.RootElement.GetProperty("scanner").GetProperty("id").GetInt32());
        Assert.Equal(["Y", "X", "S"], attributes.RootElement.GetProperty("_ARRAY_DIMENSIONS").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Reading_a_chunk_from_an_offset_gives_the_tail_of_its_bytes()
    {
        using var image = new Image(SharedSlides.PathOf("boxes.tiff")).Open();
        var store = image.GetZarrStore(0);
        var whole = store.ReadAll("1.2.0");

        var tail = new byte[5000];
        var read = store.Read("1.2.0", whole.Length - 3000, tail);

        Assert.Equal(3000, read);
        Assert.Equal(whole[^3000..], tail[..3000]);
    }
}
