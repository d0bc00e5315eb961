namespace PadoFs.Mount.Configuration;

/// <summary>A mount config with problems; the message is one line for one problem, else it lists every one of them.</summary>
public sealed class MountConfigException(string configPath, IReadOnlyList<string> problems)
    : Exception(Describe(configPath, problems))
{
    public string ConfigPath { get; } = configPath;

    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(string configPath, IReadOnlyList<string> problems) => problems.Count == 1
        ? $"Config '{configPath}': {problems[0]}"
        : $"Config '{configPath}' has {problems.Count} problems:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}";
}
