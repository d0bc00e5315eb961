using System.Text.Json;
using PadoFs.Images.Records;

namespace PadoFs.Images.Tests.Records;

[Trait("Category", "Fast")]
public class ImageRecordJsonTests
{
    private static readonly ImageRecord s_full = new()
    {
        Urlpath = "/data/slide.svs",
        ImageId = ["site-a", "case-17", "slide.svs"],
        Width = 2220,
        Height = 2967,
        ObjectivePower = "20",
        MppX = 0.499,
        MppY = 0.4990001,
        Downsamples = [1.0, 4.000450045004501, 16.00945179584121],
        Vendor = "aperio",
        Comment = "Aperio Image Library v10.0.51\r\n46920x33014 [0,100 46000x32914] (256x256) JPEG/RGB Q=30|AppMag = 20",
        QuickHash1 = "abc123",
        BackgroundColor = "FFFFFF",
        BoundsX = 10,
        BoundsY = 20,
        BoundsWidth = 300,
        BoundsHeight = 400,
        ExtraJson = "{\"aperio.AppMag\": \"20\"}",
        SizeBytes = 1938955,
        Md5Computed = "md5:1938955:0123456789abcdef0123456789abcdef",
        TimeLastAccess = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        TimeLastModified = new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.FromHours(2)),
        TimeStatusChanged = null,
        PadoImageBackend = "openslide",
        PadoImageBackendVersion = "3.4.1",
    };

    [Fact]
    public void A_full_record_has_exactly_pados_keys_plus_the_image_id()
    {
        using var document = JsonDocument.Parse(ImageRecordJson.Serialize(s_full));
        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal([ImageRecordKeys.ImageId, .. ImageRecordKeys.All], keys);
        Assert.Equal(23, ImageRecordKeys.All.Count);
    }

    [Fact]
    public void Serialized_then_read_back_a_record_is_identical()
    {
        var json = ImageRecordJson.Serialize(s_full);
        var back = ImageRecordJson.Deserialize(json);

        Assert.Equal(s_full, back);
        Assert.Equal(json, ImageRecordJson.Serialize(back));
    }

    [Fact]
    public void A_record_of_only_an_urlpath_is_valid()
    {
        var record = ImageRecordJson.Deserialize("""{"urlpath": "other.tiff"}""");

        Assert.Equal("other.tiff", record.Urlpath);
        Assert.Null(record.ToMetadata());
        Assert.Null(record.ToFileInfo());
    }

    [Fact]
    public void Every_problem_of_a_record_is_reported_at_once()
    {
        using var document = JsonDocument.Parse("""{"width": "wide", "mpp_x": -1, "colour": "red", "image_id": "a/b"}""");
        var problems = new List<string>();

        ImageRecordJson.TryRead(document.RootElement, problems);

        Assert.Contains(problems, p => p.Contains("'width' must be an integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'mpp_x' must be a positive number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'image_id' must be a list of strings", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'urlpath' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void An_objective_power_given_as_a_number_reads_as_its_text()
    {
        var record = ImageRecordJson.Deserialize("""{"urlpath": "a.svs", "objective_power": 40}""");

        Assert.Equal("40", record.ObjectivePower);
    }
}
