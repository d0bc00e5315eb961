namespace PadoFs.Testing;

/// <summary>The real slides every developer and CI have beside the project, at ../shared/slides.</summary>
public static class SharedSlides
{
    private static readonly Lazy<string> s_directory = new(Locate);

    public static string Directory => s_directory.Value;

    /// <summary>Slides that OpenSlide opens and reads.</summary>
    public static readonly IReadOnlyList<string> OpenSlideReadable =
        ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs"];

    /// <summary>Slides in OpenSlide's vendor formats: the ones a slide opens through OpenSlide.</summary>
    public static readonly IReadOnlyList<string> OpenSlideVendorSlides =
        ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "small.svs"];

    /// <summary>Slides whose files are TIFF, whatever reads their pixels.</summary>
    public static readonly IReadOnlyList<string> TiffFiles =
        ["cmu-1-small-region.svs", "tcga-cr-7395.svs", "boxes.tiff", "small.svs", "smalltif.tif", "unreadable.svs", "unopenable.tiff"];

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PADOFS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, "slides");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PadoFs.sln")))
            {
                var slides = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "slides"));
                if (System.IO.Directory.Exists(slides))
                {
                    return slides;
                }

                throw new InvalidOperationException($"The shared slides are missing: expected them at {slides}.");
            }
        }

        throw new InvalidOperationException("Cannot find the project root (PadoFs.sln) above the test binaries.");
    }
}
