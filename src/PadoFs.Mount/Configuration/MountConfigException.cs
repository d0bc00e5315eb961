namespace PadoFs.Mount.Configuration;

/// <summary>A mount config with problems; the message is one line for one problem, else it lists every one of them.</summary>
public sealed class MountConfigException : Exception
{
    public MountConfigException(string configPath, IReadOnlyList<string> problems)
        : this(configPath, problems.Select(OneLine).ToArray())
    {
    }

    private MountConfigException(string configPath, string[] problems)
        : base(Describe(configPath, problems))
    {
        ConfigPath = configPath;
        Problems = problems;
    }

    public string ConfigPath { get; }

    /// <summary>Every problem, one line each: names and values quoted from the config have their line ends escaped.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string OneLine(string problem)
    {
        if (!problem.Any(char.IsControl))
        {
            return problem;
        }

        var line = new System.Text.StringBuilder(problem.Length + 8);
        foreach (var character in problem)
        {
            line.Append(character switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => "?",
                _ => character.ToString(),
            });
        }

        return line.ToString();
    }

    private static string Describe(string configPath, string[] problems) => problems.Length == 1
        ? $"Config '{configPath}': {problems[0]}"
        : $"Config '{configPath}' has {problems.Length} problems:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}";
}
