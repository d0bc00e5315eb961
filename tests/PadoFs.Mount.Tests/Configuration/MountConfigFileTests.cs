using System.Text;
using PadoFs.Mount.Configuration;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>A file that is not the config it should be gives one problem saying what it is and what to do.</summary>
[Trait("Category", "Fast")]
public sealed class MountConfigFileTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_slide_given_as_the_config_says_how_to_make_a_config_for_it()
    {
        var slide = _folder.File("slide.svs");
        File.Copy(SharedSlides.PathOf("small.svs"), slide);

        var problem = SingleProblem(slide);

        Assert.Equal(
            $"a slide (TIFF), not a mount config. padofs mount takes a JSON config listing slides as records; to make one for this slide: echo \"{{\\\"mountPoint\\\": \\\"mnt\\\", \\\"images\\\": $(padofs record {slide})}}\" > slides.json",
            problem);
    }

    [Fact]
    public void A_binary_file_given_as_the_config_is_named_as_one()
    {
        var path = Write("data.bin", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13]);

        Assert.StartsWith("a binary file, not a mount config", SingleProblem(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_at_its_line_and_column()
    {
        var path = Write("latin1.json", [.. "{\n  \"images\": [{ \"urlpath\": \"caf"u8, 0xE9, .. ".svs\" }]\n}"u8]);

        Assert.Equal("not UTF-8 text at line 2, column 31 (byte 0xE9): save the config as UTF-8", SingleProblem(path));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var path = Write("bom.json", [.. Encoding.UTF8.Preamble, .. """{ "mountPoint": "mnt", "images": [{ "urlpath": "a.svs" }] }"""u8]);

        var config = MountConfigLoader.Load(path);

        Assert.Equal(Path.Combine(_folder.Path, "a.svs"), Assert.Single(config.Images).Record.Urlpath);
    }

    [Fact]
    public void A_key_given_twice_is_named_with_the_line_of_the_second()
    {
        var settings = Write("settings.json", """
            {
              "mountPoint": "mnt",
              "images": [],
              "images": [{ "urlpath": "a.svs" }]
            }
            """u8);
        var record = Write("record.json", """
            { "mountPoint": "mnt", "images": [
              { "urlpath": "a.svs",
                "urlpath": "b.svs" }
            ] }
            """u8);

        Assert.Equal("'images' is given twice (the second at line 4, column 3): keep one", SingleProblem(settings));
        Assert.Equal("'urlpath' is given twice in images (the second at line 3, column 5): keep one", SingleProblem(record));
    }

    [Theory]
    [InlineData("{\n  \"mountPoint\": \"mnt\"\n  \"images\": []\n}", "line 3, column 3", "is a comma missing before it?")]
    [InlineData("{\n  mountPoint: \"mnt\", \"images\": [] }", "line 2, column 3", "keys are written in double quotes, as \"mountPoint\"")]
    [InlineData("{ \"mountPoint\": mnt, \"images\": [] }", "line 1, column 17", "text is written in double quotes, lists in [ ], records in { }")]
    [InlineData("{ \"mountPoint\": \"mnt\", \"images\": [ ]", "line 1, column 37", "is a closing } or ] missing?")]
    public void Json_errors_give_the_line_and_column_from_1_and_a_hint(string json, string position, string hint)
    {
        var problem = SingleProblem(Write("broken.json", Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith($"not valid JSON at {position}: ", problem, StringComparison.Ordinal);
        Assert.EndsWith($"({hint})", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pasted_list_of_records_is_one_problem_that_says_how_to_wrap_it()
    {
        var path = Write("records.json", """[{ "urlpath": "a.svs" }, { "urlpath": "b.svs" }]"""u8);

        Assert.Equal(
            "a JSON list (as padofs record prints), not a config: wrap it as {\"mountPoint\": \"DIR\", \"images\": [ ...the list... ]}",
            SingleProblem(path));
    }

    [Fact]
    public void One_problem_is_one_line_naming_the_file()
    {
        var path = Write("records.json", "[]"u8);

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(path));

        Assert.StartsWith($"Config '{path}': a JSON list", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string SingleProblem(string path) =>
        Assert.Single(Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(path)).Problems);

    private string Write(string name, ReadOnlySpan<byte> bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }
}
