using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Finds the OpenSlide shared library under the names its packages install. Distributions ship only the
/// versioned file (no -dev symlink), so the bare name the P/Invokes use never loads by default probing.
/// </summary>
/// <remarks>
/// The library is handed to the runtime from <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> rather than
/// <see cref="NativeLibrary.SetDllImportResolver"/>: an assembly takes only one resolver, and this assembly binds
/// other native libraries too, each of which can add its own handler to the event without knowing about this one.
/// </remarks>
internal static class OpenSlideLibrary
{
    /// <summary>The name the P/Invokes are declared with; it never matches a file by itself.</summary>
    public const string Name = "openslide";

    private static readonly Lazy<nint> s_handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File names tried on this OS, newest OpenSlide first (4.x is ABI-compatible for the functions bound).</summary>
    public static IReadOnlyList<string> CandidateNames { get; } = CandidatesForThisPlatform();

    /// <summary>Loads the library once and registers it for the P/Invokes.</summary>
    /// <exception cref="DllNotFoundException">no candidate loads; the message lists them and the package to install.</exception>
    public static void EnsureLoaded() => _ = s_handle.Value;

    /// <summary>The handle of the first candidate that loads.</summary>
    /// <exception cref="DllNotFoundException">none loads; the message lists them and the package to install.</exception>
    internal static nint LoadFirst(IReadOnlyList<string> candidates) =>
        NativeLibraryCandidates.LoadFirst(candidates, "The OpenSlide library", "libopenslide0");

    private static nint Load()
    {
        var handle = LoadFirst(CandidateNames);
        if (OperatingSystem.IsLinux())
        {
            OpenSlideWarnings.Silence();
        }

        var context = AssemblyLoadContext.GetLoadContext(typeof(OpenSlideLibrary).Assembly) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += (assembly, libraryName) => Resolve(assembly, libraryName, handle);
        return handle;
    }

    private static nint Resolve(Assembly assembly, string libraryName, nint handle) =>
        assembly == typeof(OpenSlideLibrary).Assembly && libraryName == Name ? handle : 0;

    private static string[] CandidatesForThisPlatform()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["libopenslide-1.dll", "libopenslide-0.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libopenslide.1.dylib", "libopenslide.0.dylib"];
        }

        return ["libopenslide.so.1", "libopenslide.so.0"];
    }
}
