using System.Diagnostics;
using System.Globalization;

namespace PadoFs.IntegrationTests;

/// <summary>Sends the signals a service manager or a terminal sends, with the system's kill command.</summary>
internal static class Signals
{
    public static void Send(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
