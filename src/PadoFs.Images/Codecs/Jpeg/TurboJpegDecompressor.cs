using System.Runtime.InteropServices;

namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>
/// A TurboJPEG decompressor instance. Creating one costs about as much as decoding a small tile, so every thread
/// keeps its own (instances are not thread-safe) and releases it through the finalizer when the thread is gone.
/// </summary>
internal sealed unsafe class TurboJpegDecompressor : SafeHandle
{
    [ThreadStatic]
    private static TurboJpegDecompressor? t_current;

    public TurboJpegDecompressor()
        : base(0, ownsHandle: true)
    {
        SetHandle(TurboJpegNative.InitDecompress());
        if (IsInvalid)
        {
            throw new InvalidOperationException($"Cannot create a TurboJPEG decompressor: {TurboJpegNative.ErrorMessage(0)}");
        }
    }

    /// <summary>The calling thread's instance, created on first use.</summary>
    /// <exception cref="DllNotFoundException">the library is not installed.</exception>
    public static TurboJpegDecompressor ForCurrentThread => t_current ??= new TurboJpegDecompressor();

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Decodes a whole interchange-format stream of exactly <paramref name="width"/> x <paramref name="height"/>
    /// pixels into <paramref name="destination"/>, rows packed, with libjpeg's defaults as OpenSlide uses them
    /// (accurate integer DCT, fancy upsampling).
    /// </summary>
    /// <exception cref="TileDecodeException">libjpeg reported an error or a warning (corrupt data).</exception>
    public void Decompress(ReadOnlySpan<byte> stream, Span<byte> destination, int width, int height, int pixelFormat, int bytesPerPixel)
    {
        int result;
        fixed (byte* source = stream)
        fixed (byte* target = destination)
        {
            result = TurboJpegNative.Decompress2(
                handle, source, new CULong((nuint)stream.Length), target, width, width * bytesPerPixel, height, pixelFormat,
                TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans);
        }

        if (result != 0)
        {
            throw new TileDecodeException(JpegTileDecoder.CodecName, TurboJpegNative.ErrorMessage(handle));
        }
    }

    /// <summary>
    /// Decodes a whole stream of <paramref name="width"/> x <paramref name="height"/> pixels into its three
    /// component planes as libjpeg's raw data output gives them: the same DCT, chroma at its stored resolution.
    /// </summary>
    /// <exception cref="TileDecodeException">libjpeg reported an error or a warning (corrupt data).</exception>
    public void DecompressToPlanes(ReadOnlySpan<byte> stream, JpegPlanes planes, int width, int height)
    {
        int result;
        fixed (byte* source = stream)
        fixed (byte* luma = planes.Luma)
        fixed (byte* blue = planes.Blue)
        fixed (byte* red = planes.Red)
        {
            var targets = stackalloc byte*[] { luma, blue, red };
            var strides = stackalloc int[] { width, planes.ChromaWidth, planes.ChromaWidth };
            result = TurboJpegNative.DecompressToYuvPlanes(
                handle, source, new CULong((nuint)stream.Length), targets, width, strides, height,
                TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans);
        }

        if (result != 0)
        {
            throw new TileDecodeException(JpegTileDecoder.CodecName, TurboJpegNative.ErrorMessage(handle));
        }
    }

    protected override bool ReleaseHandle() => TurboJpegNative.Destroy(handle) == 0;
}
