namespace PadoFs.WinFsp;

/// <summary>Names of the tree that Windows cannot show; the message lists every problem, one line each.</summary>
public sealed class WindowsNameException(IReadOnlyList<string> problems)
    : Exception($"{problems.Count} name(s) cannot be used on Windows; rename the image ids:\n" + string.Join('\n', problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
