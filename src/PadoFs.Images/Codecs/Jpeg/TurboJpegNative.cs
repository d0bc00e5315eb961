using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// The decoding part of libjpeg-turbo's TurboJPEG 2.x API (<c>turbojpeg.h</c>, Debian <c>libturbojpeg0</c>), bound
/// through function pointers taken from the library loaded by its versioned file name: distributions install no
/// unversioned -dev symlink, and a DllImport resolver is one per assembly, which the other bindings here need.
/// </summary>
internal static unsafe class TurboJpegNative
{
    /// <summary>TJPF_RGB: 3 bytes per pixel, R G B.</summary>
    public const int PixelFormatRgb = 0;

    /// <summary>TJPF_GRAY: 1 byte per pixel.</summary>
    public const int PixelFormatGray = 6;

    /// <summary>TJFLAG_STOPONWARNING: corrupt data fails at once, as OpenSlide turns every libjpeg warning into an error.</summary>
    public const int FlagStopOnWarning = 8192;

    /// <summary>TJFLAG_LIMITSCANS: refuses progressive streams of absurdly many scans instead of spending minutes on them.</summary>
    public const int FlagLimitScans = 32768;

    private static readonly Lazy<Exports> s_exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File names tried, in order, on this OS.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["turbojpeg.dll"]
        : OperatingSystem.IsMacOS() ? ["libturbojpeg.0.dylib"]
        : ["libturbojpeg.so.0"];

    /// <summary>A new decompressor instance, or 0 (see <see cref="ErrorMessage"/> with 0).</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static nint InitDecompress() => s_exports.Value.InitDecompress();

    public static int Destroy(nint handle) => s_exports.Value.Destroy(handle);

    /// <summary>
    /// Decodes <paramref name="jpegSize"/> bytes of an interchange-format stream into <paramref name="height"/> rows of
    /// <paramref name="pitch"/> bytes; 0 on success, -1 on an error or (with <see cref="FlagStopOnWarning"/>) a warning.
    /// </summary>
    public static int Decompress2(nint handle, byte* jpeg, CULong jpegSize, byte* destination, int width, int pitch, int height, int pixelFormat, int flags) =>
        s_exports.Value.Decompress2(handle, jpeg, jpegSize, destination, width, pitch, height, pixelFormat, flags);

    /// <summary>
    /// Decodes a stream into its Y, Cb and Cr planes as stored (no upsampling, no colour transform), each into
    /// <paramref name="planes"/>[i] with rows of <paramref name="strides"/>[i] bytes; 0 on success, -1 otherwise.
    /// </summary>
    public static int DecompressToYuvPlanes(nint handle, byte* jpeg, CULong jpegSize, byte** planes, int width, int* strides, int height, int flags) =>
        s_exports.Value.DecompressToYuvPlanes(handle, jpeg, jpegSize, planes, width, strides, height, flags);

    /// <summary>The last error of the instance (of the library when <paramref name="handle"/> is 0).</summary>
    public static string ErrorMessage(nint handle) =>
        Marshal.PtrToStringUTF8((nint)s_exports.Value.GetErrorStr2(handle)) ?? "unknown TurboJPEG error";

    /// <summary>The handle of the first of <paramref name="candidates"/> that loads.</summary>
    /// <exception cref="DllNotFoundException">none loads; the message names the package to install.</exception>
    internal static nint LoadFirst(IReadOnlyList<string> candidates) =>
        NativeLibraryCandidates.LoadFirst(candidates, "libjpeg-turbo's TurboJPEG library", "libturbojpeg0");

    private static Exports Load() => new(LoadFirst(CandidateNames));

    private sealed class Exports(nint library)
    {
        public readonly delegate* unmanaged<nint> InitDecompress =
            (delegate* unmanaged<nint>)NativeLibrary.GetExport(library, "tjInitDecompress");

        public readonly delegate* unmanaged<nint, int> Destroy =
            (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "tjDestroy");

        public readonly delegate* unmanaged<nint, byte*, CULong, byte*, int, int, int, int, int, int> Decompress2 =
            (delegate* unmanaged<nint, byte*, CULong, byte*, int, int, int, int, int, int>)NativeLibrary.GetExport(library, "tjDecompress2");

        public readonly delegate* unmanaged<nint, byte*, CULong, byte**, int, int*, int, int, int> DecompressToYuvPlanes =
            (delegate* unmanaged<nint, byte*, CULong, byte**, int, int*, int, int, int>)NativeLibrary.GetExport(library, "tjDecompressToYUVPlanes");

        public readonly delegate* unmanaged<nint, byte*> GetErrorStr2 =
            (delegate* unmanaged<nint, byte*>)NativeLibrary.GetExport(library, "tjGetErrorStr2");
    }
}
