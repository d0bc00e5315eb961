using System.Text.Json;
using PadoFs.Mount.Datasets;
using PadoFs.Testing;

namespace PadoFs.Mount.Tests.Datasets;

[Trait("Category", "Fast")]
public class ImageIdReprTests
{
    [Fact]
    public void Given_the_repr_pado_writes_with_a_site_then_the_parts_and_site_are_read_and_the_site_is_the_first_folder()
    {
        var id = ImageIdRepr.TryParse("ImageId('site-a', 'case-17', 'slide.svs', site='x')", out var problem);

        Assert.Null(problem);
        Assert.Equal(["site-a", "case-17", "slide.svs"], id!.Parts);
        Assert.Equal("x", id.Site);
        Assert.Equal(["x", "site-a", "case-17", "slide.svs"], id.FolderParts);
    }

    [Theory]
    [InlineData("""ImageId("slide.svs")""", "slide.svs")]
    [InlineData("""ImageId('it\'s "here"')""", "it's \"here\"")]
    [InlineData("""ImageId("it's \"here\"")""", "it's \"here\"")]
    [InlineData("""ImageId('caf\xe9 \u00e9\U0001F600 \101\0')""", "café é😀 A\0")]
    [InlineData("""ImageId('tab\there\nline\\back')""", "tab\there\nline\\back")]
    [InlineData("""ImageId('unknown \q escape')""", "unknown \\q escape")]
    [InlineData("""ImageId(r'raw\n\'')""", "raw\\n\\'")]
    [InlineData("""ImageId(u'ünï中😀')""", "ünï中😀")]
    [InlineData("""ImageId('joined' "together")""", "joinedtogether")]
    [InlineData("""ImageId('''triple 'quoted' ''')""", "triple 'quoted' ")]
    [InlineData("""ImageId(  'spaced'  ,  )""", "spaced")]
    public void Given_any_python_string_literal_then_its_value_is_the_part(string text, string part)
    {
        var id = ImageIdRepr.TryParse(text, out var problem);

        Assert.True(id is not null, problem);
        Assert.Equal([part], id.Parts);
        Assert.Null(id.Site);
    }

    [Fact]
    public void Given_site_none_then_the_image_id_has_no_site()
    {
        var id = ImageIdRepr.TryParse("ImageId('a.svs', site=None)", out _);

        Assert.Null(id!.Site);
        Assert.Equal(["a.svs"], id.FolderParts);
    }

    [Theory]
    [InlineData("ImageId()", "has no parts")]
    [InlineData("ImageId('a'", "not an ImageId")]
    [InlineData("ImageId('a') ", "not an ImageId")]
    [InlineData("ImageId('a')x)", "after its closing")]
    [InlineData("Image('a')", "not an ImageId")]
    [InlineData("ImageId('a)", "does not end")]
    [InlineData("ImageId(b'a')", "bytes literal")]
    [InlineData("ImageId(f'{a}')", "formatted string")]
    [InlineData("ImageId(1)", "expects a string literal")]
    [InlineData("ImageId('a', site='x', 'b')", "site must come last")]
    [InlineData("ImageId('a' 'b' site='x')", "expects ',' or ')'")]
    [InlineData("ImageId(site='x')", "has no parts")]
    [InlineData("""ImageId('\ud800')""", "lone surrogate")]
    [InlineData("""ImageId('\x4')""", "hex digits")]
    [InlineData("""ImageId('\N{BULLET}')""", "named escape")]
    [InlineData("ImageId('line\nend')", "line end")]
    public void Given_a_malformed_image_id_then_it_is_refused_with_its_reason(string text, string reason)
    {
        Assert.Null(ImageIdRepr.TryParse(text, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}

[Trait("Category", "Oracles")]
public class ImageIdReprOracleTests
{
    [Fact]
    public void Given_image_ids_python_wrote_from_random_unicode_parts_then_every_one_is_read_as_python_made_it()
    {
        using var generated = JsonDocument.Parse(Python.RunOracle("pado_image_ids.py", "generate", "500", "17"));
        var count = 0;
        foreach (var expected in generated.RootElement.EnumerateArray())
        {
            var text = expected.GetProperty("text").GetString()!;
            var id = ImageIdRepr.TryParse(text, out var problem);

            Assert.True(id is not null, $"{text}: {problem}");
            Assert.Equal(expected.GetProperty("parts").EnumerateArray().Select(part => part.GetString()), id.Parts);
            Assert.Equal(expected.GetProperty("site").GetString(), id.Site);
            count++;
        }

        Assert.Equal(500, count);
    }

    [Fact]
    public void Given_hand_written_image_ids_then_python_evaluating_them_as_pado_does_agrees_on_each()
    {
        string[] texts =
        [
            "ImageId('a', \"b\", site='s')", "ImageId('x' 'y',)", "ImageId(r'\\d+', u'\\u00e9')", "ImageId('''q''', \"\"\"r\"\"\")",
            "ImageId('\\x41\\101\\N{BULLET}')", "ImageId('a', site=None)", "ImageId(\n 'a',\n 'b'\n)", "ImageId('a', site='x', 'b')",
            "ImageId(b'a')", "ImageId()", "ImageId('a') ", "ImageId(1)",
        ];
        using var evaluated = JsonDocument.Parse(Python.RunCode(
            $"import runpy, sys; sys.argv = ['x', 'evaluate']; runpy.run_path({JsonSerializer.Serialize(Path.Combine(AppContext.BaseDirectory, "oracles", "pado_image_ids.py"))})",
            JsonSerializer.Serialize(texts)));
        var results = evaluated.RootElement.EnumerateArray().ToList();
        for (var i = 0; i < texts.Length; i++)
        {
            var id = ImageIdRepr.TryParse(texts[i], out var problem);
            if (results[i].TryGetProperty("error", out var error))
            {
                // Named escapes are the one literal Python takes that is not read here, by choice.
                Assert.True(id is null || texts[i].Contains("\\N{", StringComparison.Ordinal), $"{texts[i]}: python says {error}, read as {id}");
                continue;
            }

            if (texts[i].Contains("\\N{", StringComparison.Ordinal))
            {
                Assert.Null(id);
                Assert.Contains("named escape", problem, StringComparison.Ordinal);
                continue;
            }

            Assert.True(id is not null, $"{texts[i]}: {problem}");
            Assert.Equal(results[i].GetProperty("parts").EnumerateArray().Select(part => part.GetString()), id.Parts);
            Assert.Equal(results[i].GetProperty("site").GetString(), id.Site);
        }
    }
}
