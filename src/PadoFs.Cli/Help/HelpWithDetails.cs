using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PadoFs.Cli.Help;

/// <summary>The standard help of a command, followed by its details: what it reads and writes, examples, exit codes.</summary>
internal sealed class HelpWithDetails(HelpOption option, HelpAction standard, IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
{
    /// <summary>Replaces the root's help action so that every command's help ends with its details.</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, string> details)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithDetails(help, (HelpAction)help.Action!, details);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standard.Invoke(parseResult);
        // After a mistyped command line the standard help is shown too; there the details would bury the error.
        if (parseResult.GetResult(option) is not null && details.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
        }

        return exitCode;
    }
}
