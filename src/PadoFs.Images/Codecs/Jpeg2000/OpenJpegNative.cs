using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg2000;

/// <summary>
/// The decoding part of OpenJPEG 2.5's API (<c>openjpeg.h</c>, Debian <c>libopenjp2-7</c>), bound through function
/// pointers taken from the library loaded by its versioned file name: distributions install no unversioned -dev
/// symlink, and a DllImport resolver is one per assembly, which the other bindings here need.
/// </summary>
internal static unsafe class OpenJpegNative
{
    /// <summary>OPJ_CODEC_J2K: a raw codestream, as Aperio stores its tiles.</summary>
    public const int CodecJ2k = 0;

    /// <summary>OPJ_CODEC_JP2: a JP2 file, a codestream in boxes, as some writers store a TIFF chunk.</summary>
    public const int CodecJp2 = 2;

    private static readonly Lazy<Exports> s_exports = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>File names tried, in order, on this OS.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["openjp2.dll"]
        : OperatingSystem.IsMacOS() ? ["libopenjp2.7.dylib"]
        : ["libopenjp2.so.7"];

    /// <summary>Loads the library (once) and returns its version string.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static string Version() => Marshal.PtrToStringUTF8((nint)s_exports.Value.Version()) ?? "unknown";

    /// <summary>An input stream reading through callbacks, with an internal buffer of <paramref name="bufferSize"/> bytes; 0 when out of memory.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static nint CreateInputStream(nuint bufferSize) => s_exports.Value.StreamCreate(bufferSize, 1);

    public static void DestroyStream(nint stream) => s_exports.Value.StreamDestroy(stream);

    /// <summary>Sets the callbacks, the state they receive and the stream's total length (which OpenJPEG needs to stop at its end).</summary>
    public static void SetStreamSource(
        nint stream,
        void* userData,
        ulong length,
        delegate* unmanaged<void*, nuint, void*, nuint> read,
        delegate* unmanaged<long, void*, long> skip,
        delegate* unmanaged<long, void*, int> seek)
    {
        var exports = s_exports.Value;
        exports.StreamSetUserData(stream, userData, null);
        exports.StreamSetUserDataLength(stream, length);
        exports.StreamSetReadFunction(stream, read);
        exports.StreamSetSkipFunction(stream, skip);
        exports.StreamSetSeekFunction(stream, seek);
    }

    /// <summary>A decoder of <paramref name="format"/> set up with the default parameters; 0 when out of memory.</summary>
    public static nint CreateDecoder(int format)
    {
        var exports = s_exports.Value;
        var codec = exports.CreateDecompress(format);
        if (codec != 0)
        {
            OpjDecoderParameters parameters;
            exports.SetDefaultDecoderParameters(&parameters);
            if (exports.SetupDecoder(codec, &parameters) == 0)
            {
                exports.DestroyCodec(codec);
                return 0;
            }
        }

        return codec;
    }

    public static void DestroyCodec(nint codec) => s_exports.Value.DestroyCodec(codec);

    /// <summary>Routes the codec's error messages to <paramref name="handler"/>; warnings and information stay unreported.</summary>
    public static void SetErrorHandler(nint codec, delegate* unmanaged<byte*, void*, void> handler, void* clientData) =>
        s_exports.Value.SetErrorHandler(codec, handler, clientData);

    /// <summary>Reads the main header; on success <paramref name="image"/> holds the image geometry without samples.</summary>
    public static bool ReadHeader(nint stream, nint codec, OpjImage** image) => s_exports.Value.ReadHeader(stream, codec, image) != 0;

    /// <summary>Decodes the whole image into the components of <paramref name="image"/>.</summary>
    public static bool Decode(nint codec, nint stream, OpjImage* image) => s_exports.Value.Decode(codec, stream, image) != 0;

    public static void DestroyImage(OpjImage* image) => s_exports.Value.ImageDestroy(image);

    /// <summary>The handle of the first of <paramref name="candidates"/> that loads.</summary>
    /// <exception cref="DllNotFoundException">none loads; the message names the package to install.</exception>
    internal static nint LoadFirst(IReadOnlyList<string> candidates) =>
        NativeLibraryCandidates.LoadFirst(candidates, "The OpenJPEG library", "libopenjp2-7");

    private static Exports Load() => new(LoadFirst(CandidateNames));

    private sealed class Exports(nint library)
    {
        public readonly delegate* unmanaged<byte*> Version =
            (delegate* unmanaged<byte*>)NativeLibrary.GetExport(library, "opj_version");

        public readonly delegate* unmanaged<nuint, int, nint> StreamCreate =
            (delegate* unmanaged<nuint, int, nint>)NativeLibrary.GetExport(library, "opj_stream_create");

        public readonly delegate* unmanaged<nint, void> StreamDestroy =
            (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "opj_stream_destroy");

        public readonly delegate* unmanaged<nint, void*, delegate* unmanaged<void*, void>, void> StreamSetUserData =
            (delegate* unmanaged<nint, void*, delegate* unmanaged<void*, void>, void>)NativeLibrary.GetExport(library, "opj_stream_set_user_data");

        public readonly delegate* unmanaged<nint, ulong, void> StreamSetUserDataLength =
            (delegate* unmanaged<nint, ulong, void>)NativeLibrary.GetExport(library, "opj_stream_set_user_data_length");

        public readonly delegate* unmanaged<nint, delegate* unmanaged<void*, nuint, void*, nuint>, void> StreamSetReadFunction =
            (delegate* unmanaged<nint, delegate* unmanaged<void*, nuint, void*, nuint>, void>)NativeLibrary.GetExport(library, "opj_stream_set_read_function");

        public readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void> StreamSetSkipFunction =
            (delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void>)NativeLibrary.GetExport(library, "opj_stream_set_skip_function");

        public readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void> StreamSetSeekFunction =
            (delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void>)NativeLibrary.GetExport(library, "opj_stream_set_seek_function");

        public readonly delegate* unmanaged<int, nint> CreateDecompress =
            (delegate* unmanaged<int, nint>)NativeLibrary.GetExport(library, "opj_create_decompress");

        public readonly delegate* unmanaged<nint, void> DestroyCodec =
            (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "opj_destroy_codec");

        public readonly delegate* unmanaged<OpjDecoderParameters*, void> SetDefaultDecoderParameters =
            (delegate* unmanaged<OpjDecoderParameters*, void>)NativeLibrary.GetExport(library, "opj_set_default_decoder_parameters");

        public readonly delegate* unmanaged<nint, OpjDecoderParameters*, int> SetupDecoder =
            (delegate* unmanaged<nint, OpjDecoderParameters*, int>)NativeLibrary.GetExport(library, "opj_setup_decoder");

        public readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int> SetErrorHandler =
            (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int>)NativeLibrary.GetExport(library, "opj_set_error_handler");

        public readonly delegate* unmanaged<nint, nint, OpjImage**, int> ReadHeader =
            (delegate* unmanaged<nint, nint, OpjImage**, int>)NativeLibrary.GetExport(library, "opj_read_header");

        public readonly delegate* unmanaged<nint, nint, OpjImage*, int> Decode =
            (delegate* unmanaged<nint, nint, OpjImage*, int>)NativeLibrary.GetExport(library, "opj_decode");

        public readonly delegate* unmanaged<OpjImage*, void> ImageDestroy =
            (delegate* unmanaged<OpjImage*, void>)NativeLibrary.GetExport(library, "opj_image_destroy");
    }
}
