using System.Text.Json;
using PadoFs.Images;
using PadoFs.Testing;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Zarr.Tests;

/// <summary>Given a slide as a store, the OME-NGFF layout keys its chunks in nested folders and says so; the pado layout keeps tifffile's flat keys.</summary>
[Trait("Category", "Fast")]
public sealed class SlideStoreKeyTests
{
    [Fact]
    public void The_ome_ngff_layout_nests_chunk_keys_and_writes_the_slash_separator()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayout.OmeNgff });

        using var zarray = JsonDocument.Parse(store.ReadAll("0/.zarray"));
        Assert.Equal("/", zarray.RootElement.GetProperty("dimension_separator").GetString());
        Assert.Equal(3 * 240 * 240, store.GetLength("0/0/12/9"));
        Assert.False(store.ContainsKey("0/0.12.9"));
        Assert.False(store.ContainsKey("0/1/0/0"));
        Assert.False(store.ContainsKey("0/0/13/0"));
        Assert.False(store.ContainsKey("0/0/12"));
        Assert.True(store.IsFolder("0/0/12"));
        Assert.False(store.IsFolder("0/0/13"));
        Assert.False(store.IsFolder("0/0/12/9"));
    }

    [Fact]
    public void The_pado_layout_keeps_flat_keys_without_a_separator()
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions());

        using var zarray = JsonDocument.Parse(store.ReadAll("0/.zarray"));
        Assert.False(zarray.RootElement.TryGetProperty("dimension_separator", out _));
        Assert.True(store.ContainsKey("0/12.9.0"));
        Assert.False(store.ContainsKey("0/12/9/0"));
        Assert.False(store.IsFolder("0/12"));
    }

    [Theory]
    [InlineData(ZarrLayoutNames.Pado, 2)]
    [InlineData(ZarrLayoutNames.OmeNgff, 2)]
    [InlineData(ZarrLayoutNames.Pado, 3)]
    [InlineData(ZarrLayoutNames.OmeNgff, 3)]
    public void Walking_the_folders_a_store_lists_finds_exactly_its_keys(string layout, int zarrFormat)
    {
        using var image = new Image(SharedSlides.PathOf("cmu-1-small-region.svs")).Open();
        var store = new SlideStore(image, new SlideStoreOptions { Layout = ZarrLayoutNames.Parse(layout), Format = ZarrFormat.Of(zarrFormat)! });

        var walked = new List<string>();
        Walk(store, string.Empty, walked);

        Assert.Equal(store.EnumerateKeys().Order(StringComparer.Ordinal), walked.Order(StringComparer.Ordinal));
        Assert.Null(store.List(zarrFormat == 2 ? "0/.zarray" : "0/zarr.json"));
        Assert.Null(store.List("9"));
    }

    private static void Walk(ZarrStore store, string folder, List<string> keys)
    {
        foreach (var (name, isFolder) in store.List(folder)!)
        {
            var path = folder.Length == 0 ? name : $"{folder}/{name}";
            Assert.Equal(isFolder, store.IsFolder(path));
            Assert.Equal(!isFolder, store.ContainsKey(path));
            if (isFolder)
            {
                Walk(store, path, keys);
            }
            else
            {
                keys.Add(path);
            }
        }
    }
}
