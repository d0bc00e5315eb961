using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PadoFs.Testing;

namespace PadoFs.WinFsp.Tests.Support;

/// <summary>
/// The real padofs.exe under Wine, mounting through the WinFsp stand-in, whose dispatcher walks the whole volume as
/// WinFsp does and writes what it saw (StandIn/winfsp-stand-in.c). One Wine prefix serves every run of a test class.
/// </summary>
public sealed class WineVolume : IDisposable
{
    private const string RegistryKey = @"HKLM\SOFTWARE\WOW6432Node\WinFsp";

    private readonly WinePrefix _prefix = new();
    private readonly TemporaryDirectory _install = new();

    public WineVolume()
    {
        WindowsBuild.InstallStandIn(_install.Path);
    }

    /// <summary>Sets or removes WinFsp's InstallDir, the registry value padofs.exe finds the DLL by.</summary>
    public void RegisterWinFsp(bool installed)
    {
        var (exitCode, output) = installed
            ? _prefix.Run("reg", "add", RegistryKey, "/v", "InstallDir", "/t", "REG_SZ", "/d", WinePrefix.WindowsPath(_install.Path), "/f")
            : _prefix.Run("reg", "delete", RegistryKey, "/f");
        Assert.True(exitCode == 0 || !installed, $"wine reg add failed ({exitCode}): {output}");
    }

    /// <summary>Runs padofs.exe with <paramref name="arguments"/> (Windows paths) to the end; its exit code and output.</summary>
    public (int ExitCode, string Output) Padofs(params string[] arguments) => _prefix.Run([WindowsBuild.Padofs, .. arguments]);

    /// <summary>
    /// Mounts these records (urlpaths as Windows paths) in <paramref name="layout"/>, waits until the stand-in has
    /// walked the volume, then presses Ctrl+C as a user at padofs' terminal does (SIGINT, which Wine delivers to the
    /// program's console handlers as CTRL_C_EVENT) and waits for padofs to exit.
    /// </summary>
    public WineWalk MountAndWalk(IEnumerable<object> images, string layout)
    {
        var walk = new WineWalk();
        var config = walk.File("padofs.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { layout, images }));
        using var process = _prefix.Start(
            [WindowsBuild.Padofs, "mount", WinePrefix.WindowsPath(config), "--mountpoint", "Z:"],
            new Dictionary<string, string> { ["PADOFS_STANDIN_OUT"] = WinePrefix.WindowsPath(walk.Folder) });
        var log = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(log, line.Data);
        process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        var clock = Stopwatch.StartNew();
        while (!File.Exists(walk.File("walked")) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            Thread.Sleep(100);
        }

        if (!process.HasExited)
        {
            Signals.Send(process, "INT");
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"padofs.exe did not exit within a minute of Ctrl+C. Log:\n{log}");
        }

        process.WaitForExit();
        walk.Ended(process.ExitCode, log.ToString());
        return walk;
    }

    public void Dispose()
    {
        _prefix.Dispose();
        _install.Dispose();
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
