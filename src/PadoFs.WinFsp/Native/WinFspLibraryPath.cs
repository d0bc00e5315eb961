using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>
/// Where WinFsp's DLL is: its installer records the folder under HKLM\SOFTWARE\WOW6432Node\WinFsp, value InstallDir,
/// and the DLL for the process's architecture sits in its bin folder.
/// </summary>
internal static class WinFspLibraryPath
{
    public const string RegistryKey = @"SOFTWARE\WOW6432Node\WinFsp";
    public const string RegistryValue = "InstallDir";

    public const string NotInstalled =
        "WinFsp is not installed (no InstallDir under HKLM\\" + RegistryKey + "): install it from https://winfsp.dev/rel/ and mount again.";

    /// <summary>The DLL's file name for <paramref name="architecture"/>, as WinFsp ships them.</summary>
    public static string FileName(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "winfsp-x64.dll",
        Architecture.Arm64 => "winfsp-a64.dll",
        Architecture.X86 => "winfsp-x86.dll",
        _ => throw new PlatformNotSupportedException($"WinFsp has no DLL for {architecture} processes."),
    };

    /// <summary>The DLL's path under the install folder the registry names.</summary>
    public static string In(string installDirectory, Architecture architecture) =>
        Path.Join(installDirectory, "bin", FileName(architecture));

    /// <summary>The installed DLL's path, read from the registry; throws <see cref="DllNotFoundException"/> with <see cref="NotInstalled"/>.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    public static string Installed()
    {
        using var key = Microsoft.Win32.Registry.LocalMachine.OpenSubKey(RegistryKey);
        if (key?.GetValue(RegistryValue) is not string installDirectory || installDirectory.Length == 0)
        {
            throw new DllNotFoundException(NotInstalled);
        }

        var path = In(installDirectory, RuntimeInformation.ProcessArchitecture);
        return File.Exists(path)
            ? path
            : throw new DllNotFoundException($"WinFsp's registry entry names {installDirectory}, but {path} is missing: reinstall WinFsp from https://winfsp.dev/rel/.");
    }
}
