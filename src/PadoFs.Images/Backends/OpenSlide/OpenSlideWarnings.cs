using System.Runtime.InteropServices;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Keeps what libtiff and OpenSlide print by themselves off stderr. OpenSlide reports every failure through its
/// error API, which becomes one <see cref="Errors.SlideException"/> naming the file; libtiff's warnings and
/// OpenSlide's GLib warnings about a damaged file would otherwise add lines of their own, unattributed, to the
/// output of a command or to the daemon's log.
/// </summary>
internal static unsafe class OpenSlideWarnings
{
    private const string OpenSlideLogDomain = "Openslide";

    // G_LOG_LEVEL_CRITICAL | WARNING | MESSAGE | INFO | DEBUG: everything but errors, which GLib makes fatal anyway.
    private const int NonFatalLogLevels = 0xF8;

    /// <summary>Silences both; a library that is not there (an OpenSlide built without them) has nothing to silence.</summary>
    public static void Silence()
    {
        if (NativeLibrary.TryLoad("libtiff.so.6", out var libtiff) || NativeLibrary.TryLoad("libtiff.so.5", out libtiff))
        {
            foreach (var setter in new[] { "TIFFSetErrorHandler", "TIFFSetWarningHandler" })
            {
                if (NativeLibrary.TryGetExport(libtiff, setter, out var address))
                {
                    ((delegate* unmanaged<nint, nint>)address)(0);
                }
            }
        }

        if (NativeLibrary.TryLoad("libglib-2.0.so.0", out var glib) && NativeLibrary.TryGetExport(glib, "g_log_set_handler", out var setHandler))
        {
            var domain = Marshal.StringToCoTaskMemUTF8(OpenSlideLogDomain);
            ((delegate* unmanaged<nint, int, delegate* unmanaged<nint, int, nint, nint, void>, nint, uint>)setHandler)(domain, NonFatalLogLevels, &Discard, 0);

            // GLib keeps the pointer to the domain for as long as the handler is set: for the life of the process.
        }
    }

    [UnmanagedCallersOnly]
    private static void Discard(nint domain, int level, nint message, nint userData)
    {
    }
}
