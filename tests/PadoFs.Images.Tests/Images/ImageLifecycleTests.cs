using System.Security.Cryptography;
using System.Text.Json;
using PadoFs.Images.Files;
using PadoFs.Images.Records;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Images;

/// <summary>pado's Image lifecycle: nothing opens unless asked, records round-trip, equality as pado defines it.</summary>
[Trait("Category", "Fast")]
public sealed class ImageLifecycleTests
{
    private static readonly string s_cmu = SharedSlides.PathOf("cmu-1-small-region.svs");

    public static TheoryData<string> ReadableSlides => [.. SharedSlides.OpenSlideVendorSlides];

    [Fact]
    public void A_new_image_opens_nothing_and_says_so_when_asked_for_metadata()
    {
        var image = new Image(s_cmu);

        Assert.False(image.IsOpen);
        var error = Assert.Throws<InvalidOperationException>(() => image.Metadata);
        Assert.Contains("not open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_loaded_at_construction_stays_available_after_the_slide_is_closed()
    {
        var image = new Image(s_cmu, loadMetadata: true, loadFileInfo: true);

        Assert.False(image.IsOpen);
        Assert.Equal(2220, image.Metadata.Width);
        Assert.Equal(2967, image.Metadata.Height);
        Assert.Equal(0.499, image.Metadata.MppX);
        Assert.Equal("aperio", image.Metadata.Vendor);
        Assert.Equal(new FileInfo(s_cmu).Length, image.FileInfo.SizeBytes);
        Assert.Null(image.FileInfo.Md5Computed);
        Assert.Equal("openslide", image.ToRecord().PadoImageBackend);
    }

    [Fact]
    public void A_checksum_is_the_files_md5_in_pados_format()
    {
        var image = new Image(s_cmu, checksum: true);

        var digest = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(s_cmu)));
        Assert.Equal($"md5:{new FileInfo(s_cmu).Length}:{digest}", image.FileInfo.Md5Computed);
    }

    [Fact]
    public void Opening_twice_is_a_no_op_and_close_keeps_what_was_loaded()
    {
        var image = new Image(s_cmu);
        Assert.Same(image, image.Open());
        Assert.Same(image, image.Open());
        var width = image.Metadata.Width;

        image.Close();

        Assert.False(image.IsOpen);
        Assert.Equal(width, image.Metadata.Width);
        Assert.Throws<InvalidOperationException>(() => image.GetChunkSizes(0));
    }

    [Theory]
    [MemberData(nameof(ReadableSlides))]
    public void A_record_written_as_json_and_read_back_gives_the_same_record(string slide)
    {
        using var image = new Image(SharedSlides.PathOf(slide), checksum: true).Open();
        var record = image.ToRecord(imageId: ["site", slide]);

        var json = ImageRecordJson.Serialize(record);
        var again = Image.FromRecord(ImageRecordJson.Deserialize(json)).ToRecord(imageId: ["site", slide]);

        Assert.Equal(record, again);
        Assert.Equal(json, ImageRecordJson.Serialize(again));
        using var document = JsonDocument.Parse(ImageRecordJson.Serialize(image.ToRecord()));
        Assert.Equal(ImageRecordKeys.All, document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Extra_json_holds_every_property_without_a_field_of_its_own()
    {
        using var image = new Image(s_cmu).Open();

        using var extra = JsonDocument.Parse(image.Metadata.ExtraJson!);
        var keys = extra.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Contains("aperio.AppMag", keys);
        Assert.DoesNotContain("openslide.mpp-x", keys);
        Assert.DoesNotContain("openslide.vendor", keys);
        Assert.Equal(image.Properties.Count, keys.Count + image.Properties.Keys.Count(k => !keys.Contains(k)));
    }

    [Fact]
    public void Images_are_equal_by_checksum_when_both_have_one_else_by_size_and_metadata()
    {
        using var folder = new TemporaryDirectory();
        var copy = folder.File("copy.svs");
        File.Copy(s_cmu, copy);

        var original = new Image(s_cmu, loadMetadata: true, loadFileInfo: true);
        var sameContent = new Image(copy, loadMetadata: true, loadFileInfo: true);
        var other = new Image(SharedSlides.PathOf("small.svs"), loadMetadata: true, loadFileInfo: true);

        Assert.Equal(original, sameContent);
        Assert.NotEqual(original, other);

        var withChecksum = Image.FromRecord(original.ToRecord() with { Md5Computed = "md5:1:aaaa" });
        var differentChecksum = Image.FromRecord(original.ToRecord() with { Md5Computed = "md5:1:bbbb" });
        Assert.NotEqual(withChecksum, differentChecksum);
    }

    [Fact]
    public void Is_local_for_paths_and_file_urls()
    {
        Assert.True(new Image(s_cmu).IsLocal());
        Assert.True(new Image(new Uri(s_cmu).AbsoluteUri).IsLocal());
        Assert.False(new Image("/nonexistent/slide.svs").IsLocal());
        Assert.True(new Image("/nonexistent/slide.svs").IsLocal(mustExist: false));
        Assert.False(new Image("ssh://host/slide.svs").IsLocal(mustExist: false));
    }

    [Fact]
    public void Via_a_remote_dataset_a_local_image_opens_through_the_datasets_filesystem()
    {
        var remote = new RecordingFileSystem(isLocal: false);
        var local = new RecordingFileSystem(isLocal: true);

        using var throughRemote = new Image(s_cmu).Via(new Dataset(remote));
        using var throughLocal = new Image(s_cmu).Via(new Dataset(local));

        Assert.True(throughRemote.IsOpen);
        Assert.True(throughLocal.IsOpen);
        Assert.Equal([s_cmu], remote.Resolved);
        Assert.Empty(local.Resolved);
    }

    private sealed record Dataset(IImageFileSystem FileSystem) : IImageDataset;

    /// <summary>A filesystem that serves local files and remembers what it was asked for.</summary>
    private sealed class RecordingFileSystem(bool isLocal) : IImageFileSystem
    {
        public List<string> Resolved { get; } = [];

        public bool IsLocal => isLocal;

        public string ResolveLocalPath(string urlpath, IReadOnlyDictionary<string, string>? storageOptions)
        {
            Resolved.Add(urlpath);
            return urlpath;
        }
    }
}
