using PadoFs.Images.Errors;

namespace PadoFs.Cli.Commands;

/// <summary>Turns the failures a user can cause or fix into one line on stderr and a non-zero exit, never a stack trace.</summary>
internal static class CommandErrors
{
    public const int Failure = 1;

    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        // A missing native library (OpenSlide, a codec) is one the user installs: its message says which and how.
        catch (Exception e) when (e is SlideException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or ArgumentException or DllNotFoundException)
        {
            Console.Error.WriteLine($"padofs: {e.Message}");
            return Failure;
        }
    }
}
