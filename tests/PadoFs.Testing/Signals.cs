using System.Diagnostics;
using System.Globalization;

namespace PadoFs.Testing;

/// <summary>Sends the signals a service manager or a terminal sends, with the system's kill command.</summary>
public static class Signals
{
    public static void Send(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Stops a daemon as a service manager does: SIGTERM, and SIGKILL when it has not exited 15 s later.</summary>
    public static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        Send(process, "TERM");
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
    }
}
