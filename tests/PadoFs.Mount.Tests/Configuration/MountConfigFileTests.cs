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

    [Fact]
    public void Text_that_escapes_half_a_surrogate_pair_is_refused_at_its_place()
    {
        var value = Write("value.json", """{ "mountPoint": "\ud800", "images": [] }"""u8);
        var key = Write("key.json", "{ \"images\": [],\n  \"\\udc00\": 1 }"u8);

        Assert.StartsWith("not valid JSON at line 1, column 17: a \\u escape gives half a surrogate pair", SingleProblem(value), StringComparison.Ordinal);
        Assert.StartsWith("not valid JSON at line 2, column 3: a \\u escape gives half a surrogate pair", SingleProblem(key), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_character_in_a_path_is_a_problem()
    {
        var path = Write("nul.json", """{ "mountPoint": "m\u0000", "images": [{ "urlpath": "a\u0000.svs" }] }"""u8);

        var error = Assert.Throws<MountConfigException>(() => MountConfigLoader.Load(path));

        Assert.Equal(
            ["'mountPoint' contains a NUL character, which no path can hold", "images[0]: 'urlpath' contains a NUL character, which no path can hold"],
            error.Problems);
    }

    [Fact]
    public void Mutated_configs_load_or_give_problems_and_never_fail_otherwise()
    {
        var original = """
            // A config with every kind of value.
            {
              "mountPoint": "mnt", "layout": "ome-ngff", "cache": { "maxBytes": "2GiB" }, "allowOther": false,
              "maxOpenSlides": 8, "idleSeconds": 60,
              "images": [
                { "image_id": ["site", "case", "slide"], "urlpath": "slide.svs", "mpp_x": 0.25, "downsamples": [1, 4.0],
                  "time_last_modified": "2024-01-02T03:04:05+00:00", "comment": "caf\u00e9 \ud83d\ude00" },
                { "urlpath": "file:///data/other.tiff", "width": 1024 },
              ],
            }
            """u8.ToArray();
        var random = new Random(14);
        for (var mutant = 0; mutant < 400; mutant++)
        {
            var bytes = (byte[])original.Clone();
            switch (mutant % 4)
            {
                case 0:
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 2:
                    var syntax = "{}[]\",:\\u0"u8;
                    bytes[random.Next(bytes.Length)] = syntax[random.Next(syntax.Length)];
                    break;
                default:
                    var at = random.Next(bytes.Length);
                    var hostile = "\\ud800\u0000\"\",,{"u8;
                    bytes = [.. bytes[..at], .. hostile[..random.Next(1, hostile.Length + 1)], .. bytes[at..]];
                    break;
            }

            var path = Write($"mutant-{mutant}.json", bytes);
            try
            {
                MountConfigLoader.Load(path);
            }
            catch (MountConfigException error)
            {
                Assert.All(error.Problems, problem => Assert.DoesNotContain('\n', problem));
            }
        }
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
