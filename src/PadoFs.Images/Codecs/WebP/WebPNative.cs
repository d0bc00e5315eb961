using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.WebP;

/// <summary>
/// The simple decoding part of libwebp's API (<c>webp/decode.h</c>, Debian <c>libwebp7</c>), bound through function
/// pointers taken from the library loaded by its versioned file name, as the other native bindings here are.
/// </summary>
internal static unsafe class WebPNative
{
    private static readonly Lazy<Exports> s_exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File names tried, in order, on this OS.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["libwebp.dll"]
        : OperatingSystem.IsMacOS() ? ["libwebp.7.dylib"]
        : ["libwebp.so.7"];

    /// <summary>The decoder's version as 0xMMNNRR.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static int DecoderVersion() => s_exports.Value.GetDecoderVersion();

    /// <summary>Reads the image size from the stream's header; false when it is no WebP stream.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static bool GetInfo(byte* data, nuint length, out int width, out int height)
    {
        int w, h;
        var valid = s_exports.Value.GetInfo(data, length, &w, &h) != 0;
        (width, height) = (w, h);
        return valid;
    }

    /// <summary>Decodes into rows of <paramref name="stride"/> bytes of R, G, B (and A with <paramref name="alpha"/>); false on corrupt data or a buffer too small.</summary>
    public static bool DecodeInto(byte* data, nuint length, byte* output, nuint outputLength, int stride, bool alpha) =>
        (alpha ? s_exports.Value.DecodeRgbaInto(data, length, output, outputLength, stride)
            : s_exports.Value.DecodeRgbInto(data, length, output, outputLength, stride)) != null;

    private static Exports Load() =>
        new(NativeLibraryCandidates.LoadFirst(CandidateNames, "the WebP library libwebp", "libwebp7"));

    private sealed class Exports(nint library)
    {
        public readonly delegate* unmanaged<int> GetDecoderVersion =
            (delegate* unmanaged<int>)NativeLibrary.GetExport(library, "WebPGetDecoderVersion");

        public readonly delegate* unmanaged<byte*, nuint, int*, int*, int> GetInfo =
            (delegate* unmanaged<byte*, nuint, int*, int*, int>)NativeLibrary.GetExport(library, "WebPGetInfo");

        public readonly delegate* unmanaged<byte*, nuint, byte*, nuint, int, byte*> DecodeRgbInto =
            (delegate* unmanaged<byte*, nuint, byte*, nuint, int, byte*>)NativeLibrary.GetExport(library, "WebPDecodeRGBInto");

        public readonly delegate* unmanaged<byte*, nuint, byte*, nuint, int, byte*> DecodeRgbaInto =
            (delegate* unmanaged<byte*, nuint, byte*, nuint, int, byte*>)NativeLibrary.GetExport(library, "WebPDecodeRGBAInto");
    }
}
