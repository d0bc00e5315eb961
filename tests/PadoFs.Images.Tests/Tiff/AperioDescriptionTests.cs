using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Tests.OpenSlide;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Tiff;

/// <summary>Given a real SVS, our TIFF reader states its Aperio properties as openslide-python does: what a remote SVS relies on.</summary>
[Trait("Category", "Oracles")]
public sealed class AperioDescriptionTests
{
    [Theory]
    [InlineData("cmu-1-small-region.svs")]
    [InlineData("tcga-cr-7395.svs")]
    [InlineData("small.svs")]
    public void The_aperio_and_standard_properties_equal_openslide_python_s(string slide)
    {
        var path = SharedSlides.PathOf(slide);
        var expected = OpenSlideOracle.Info(path).Properties;
        using var backend = TiffBackend.Open(path);

        var aperio = expected.Keys.Where(key => key.StartsWith("aperio.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(aperio);
        foreach (var key in aperio.Concat([SlidePropertyNames.Vendor, SlidePropertyNames.Comment]))
        {
            Assert.True(backend.Properties.TryGetValue(key, out var value), $"{slide}: {key} is missing");
            Assert.Equal(expected[key], value);
        }

        foreach (var key in new[] { SlidePropertyNames.MppX, SlidePropertyNames.MppY, SlidePropertyNames.ObjectivePower })
        {
            Assert.Equal(expected.GetValueOrDefault(key), backend.Properties.GetValueOrDefault(key));
        }
    }
}
