using PadoFs.Images.Records;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Records;

[Trait("Category", "Oracles")]
public class ExtraJsonTests
{
    [Fact]
    public void Extra_json_is_byte_for_byte_what_python_json_dumps_writes_for_the_sorted_properties()
    {
        var properties = new Dictionary<string, string>
        {
            ["tiff.ImageDescription"] = "Aperio |AppMag = 20\r\n\t\"quoted\" \\ back",
            ["aperio.Title"] = "Größe µm ✓ 𝄞",
            ["a.control"] = "\u0001\u007f",
            ["openslide.level-count"] = "1",
        };

        var ours = ExtraJson.Format(properties);
        var python = Python.RunCode(
            "import json,sys; d=json.loads(sys.stdin.read()); print(json.dumps({k: v for k, v in sorted(d.items())}), end='')",
            System.Text.Json.JsonSerializer.Serialize(properties));

        Assert.Equal(python, ours);
    }
}
