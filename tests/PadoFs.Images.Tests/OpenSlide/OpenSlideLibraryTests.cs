using PadoFs.Images.Backends.OpenSlide;

namespace PadoFs.Images.Tests.OpenSlide;

[Trait("Category", "Fast")]
public sealed class OpenSlideLibraryTests
{
    [Fact]
    public void Installed_library_loads_under_one_of_the_candidate_names()
    {
        Assert.NotEqual(0, OpenSlideLibrary.LoadFirst(OpenSlideLibrary.CandidateNames));
    }

    [Fact]
    public void Missing_library_error_names_every_candidate_and_the_package()
    {
        string[] candidates = ["libopenslide-missing.so.7", "libopenslide-missing.so.8"];

        var error = Assert.Throws<DllNotFoundException>(() => OpenSlideLibrary.LoadFirst(candidates));

        Assert.All(candidates, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
        Assert.Contains("libopenslide0", error.Message, StringComparison.Ordinal);
    }
}
