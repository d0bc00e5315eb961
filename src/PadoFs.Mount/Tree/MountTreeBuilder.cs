using PadoFs.Mount.Configuration;
using PadoFs.Mount.Slides;
using PadoFs.Mount.Status;

namespace PadoFs.Mount.Tree;

/// <summary>Builds the tree of a whole mount from its images, without opening any slide.</summary>
public static class MountTreeBuilder
{
    public const string StatisticsFile = "stats.json";
    public const string ErrorsFile = "errors.json";

    public static MountTree Build(SlideRegistry registry, MountStatistics statistics, MountStatusDocuments status)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var modified = statistics.Started;
        var root = new FolderNode(string.Empty, modified);
        foreach (var slide in registry.Slides)
        {
            var parts = slide.Definition.FolderParts;
            var folder = root;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                folder = folder.GetOrAddFolder(parts[i]);
            }

            folder.Add(new SlideFolder(parts[^1], modified, slide, statistics));
        }

        var own = new FolderNode(ImageFolderNames.ReservedRootName, modified);
        own.Add(new LiveFile(StatisticsFile, modified, status.RenderStatistics));
        own.Add(new LiveFile(ErrorsFile, modified, status.RenderErrors, forMountOwnerOnly: true));
        root.Add(own);
        return new MountTree(root);
    }
}
