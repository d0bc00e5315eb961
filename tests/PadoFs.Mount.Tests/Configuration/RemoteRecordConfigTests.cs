using PadoFs.Mount.Configuration;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>Given records of remote slides, a config keeps their urlpaths as written and gives each its storage options.</summary>
[Trait("Category", "Fast")]
public sealed class RemoteRecordConfigTests
{
    [Fact]
    public void A_record_s_storage_options_win_over_the_mount_s_and_nested_client_kwargs_are_flattened()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("padofs.json");
        File.WriteAllText(path, """
            {
              "mountPoint": "mnt",
              "storageOptions": { "anon": true },
              "images": [
                { "urlpath": "s3://bucket/a.svs", "image_id": ["a.svs"],
                  "storage_options": { "key": "K", "secret": "S", "client_kwargs": { "region_name": "eu-west-1" } } },
                { "urlpath": "s3://bucket/b.svs", "mpp_x": 0.5, "mpp_y": 0.5 },
                { "urlpath": "https://example.org/slides/c.tiff" },
                { "urlpath": "{\"fs\": \"{\\\"protocol\\\": \\\"s3\\\"}\", \"path\": \"bucket/d.svs\"}", "image_id": ["d.svs"] }
              ]
            }
            """);

        var config = MountConfigLoader.Load(path);

        Assert.Equal("s3://bucket/a.svs", config.Images[0].Record.Urlpath);
        Assert.Equal("eu-west-1", config.Images[0].StorageOptions!["client_kwargs.region_name"]);
        Assert.Equal("K", config.Images[0].StorageOptions!["key"]);
        Assert.False(config.Images[0].StorageOptions!.ContainsKey("anon"));
        Assert.Equal("true", config.Images[1].StorageOptions!["anon"]);
        Assert.Equal(0.5, config.Images[1].Record.MppX);
        Assert.Equal(["b.svs.zarr"], config.Images[1].FolderParts);
        Assert.Equal("https://example.org/slides/c.tiff", config.Images[2].Record.Urlpath);
        Assert.Equal(["c.tiff.zarr"], config.Images[2].FolderParts);
        Assert.StartsWith("{", config.Images[3].Record.Urlpath, StringComparison.Ordinal);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Storage_options_that_are_no_object_of_plain_values_are_problems_naming_the_record()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("padofs.json");
        File.WriteAllText(path, """
            { "mountPoint": "mnt", "storageOptions": [1],
              "images": [ { "urlpath": "s3://bucket/a.svs", "storage_options": { "key": ["x"] } } ] }
            """);

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(path));

        Assert.Contains(error.Problems, problem => problem.Contains("'storageOptions' must be an object", StringComparison.Ordinal));
        Assert.Contains(error.Problems, problem => problem.Contains("images[0]: 'storage_options': 'key' must be a string", StringComparison.Ordinal));
    }
}
