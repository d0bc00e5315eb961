namespace PadoFs.Mount.Configuration;

/// <summary>A mount config with problems; the message lists every one of them.</summary>
public sealed class MountConfigException(string configPath, IReadOnlyList<string> problems)
    : Exception($"Config '{configPath}' has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public string ConfigPath { get; } = configPath;

    public IReadOnlyList<string> Problems { get; } = problems;
}
