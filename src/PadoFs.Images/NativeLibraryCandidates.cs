using System.Runtime.InteropServices;

namespace PadoFs.Images;

/// <summary>
/// Loads a native library by the versioned file names its packages install: distributions ship no unversioned
/// -dev symlink, so a bare name never loads by default probing.
/// </summary>
internal static class NativeLibraryCandidates
{
    /// <summary>The handle of the first of <paramref name="candidates"/> that loads.</summary>
    /// <exception cref="DllNotFoundException">none loads; the message lists them and the Debian package to install (on Windows, where to put the DLL).</exception>
    public static nint LoadFirst(IReadOnlyList<string> candidates, string library, string debianPackage)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, typeof(NativeLibraryCandidates).Assembly, searchPath: null, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"{library} is not installed: none of {string.Join(", ", candidates)} could be loaded. " +
            (OperatingSystem.IsWindows()
                ? "padofs.exe ships no image libraries: put the DLL beside padofs.exe or in a folder on PATH."
                : $"On Debian and Ubuntu install the package {debianPackage} (apt-get install {debianPackage})."));
    }
}
