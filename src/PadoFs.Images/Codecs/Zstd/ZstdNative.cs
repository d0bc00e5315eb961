using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Zstd;

/// <summary>
/// The one-shot decompression part of libzstd's API (<c>zstd.h</c>, Debian <c>libzstd1</c>), bound through function
/// pointers taken from the library loaded by its versioned file name, as the other native bindings here are.
/// </summary>
internal static unsafe class ZstdNative
{
    /// <summary>ZSTD_CONTENTSIZE_ERROR: the data is not a zstd frame.</summary>
    public const ulong ContentSizeError = ulong.MaxValue - 1;

    private static readonly Lazy<Exports> s_exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File names tried, in order, on this OS.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["libzstd.dll", "zstd.dll"]
        : OperatingSystem.IsMacOS() ? ["libzstd.1.dylib"]
        : ["libzstd.so.1"];

    /// <summary>The library's version as MAJOR*10000 + MINOR*100 + RELEASE.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static uint VersionNumber() => s_exports.Value.VersionNumber();

    /// <summary>Decompresses every frame of <paramref name="source"/>; the size written, or an error code (see <see cref="IsError"/>).</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static nuint Decompress(byte* destination, nuint capacity, byte* source, nuint length) =>
        s_exports.Value.Decompress(destination, capacity, source, length);

    /// <summary>The decompressed size the first frame header states, <see cref="ulong.MaxValue"/> when it states none, or <see cref="ContentSizeError"/>.</summary>
    public static ulong FrameContentSize(byte* source, nuint length) => s_exports.Value.GetFrameContentSize(source, length);

    public static bool IsError(nuint code) => s_exports.Value.IsError(code) != 0;

    public static string ErrorName(nuint code) => Marshal.PtrToStringUTF8((nint)s_exports.Value.GetErrorName(code)) ?? "unknown zstd error";

    private static Exports Load() =>
        new(NativeLibraryCandidates.LoadFirst(CandidateNames, "the Zstandard library libzstd", "libzstd1"));

    private sealed class Exports(nint library)
    {
        public readonly delegate* unmanaged<uint> VersionNumber =
            (delegate* unmanaged<uint>)NativeLibrary.GetExport(library, "ZSTD_versionNumber");

        public readonly delegate* unmanaged<byte*, nuint, byte*, nuint, nuint> Decompress =
            (delegate* unmanaged<byte*, nuint, byte*, nuint, nuint>)NativeLibrary.GetExport(library, "ZSTD_decompress");

        public readonly delegate* unmanaged<byte*, nuint, ulong> GetFrameContentSize =
            (delegate* unmanaged<byte*, nuint, ulong>)NativeLibrary.GetExport(library, "ZSTD_getFrameContentSize");

        public readonly delegate* unmanaged<nuint, uint> IsError =
            (delegate* unmanaged<nuint, uint>)NativeLibrary.GetExport(library, "ZSTD_isError");

        public readonly delegate* unmanaged<nuint, byte*> GetErrorName =
            (delegate* unmanaged<nuint, byte*>)NativeLibrary.GetExport(library, "ZSTD_getErrorName");
    }
}
