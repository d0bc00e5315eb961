using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Turns OpenSlide's premultiplied ARGB (one native-endian 32-bit word per pixel) into RGB composited over the
/// slide's background colour: each channel is <c>c + round(bg * (255 - a) / 255)</c>, where <c>c</c> is the
/// premultiplied channel and <c>a</c> the alpha. Opaque pixels (a = 255) keep their colour, transparent ones
/// (a = 0, premultiplied colour 0) become the background, and the partly covered pixels OpenSlide produces at
/// level edges when it resamples read exactly what a premultiplied "over" gives, rounded to nearest once.
/// </summary>
internal sealed class ArgbCompositor
{
    private const int Channels = 3;

    // The background's share of each channel per alpha value, three bytes (R, G, B) per alpha.
    private readonly byte[] _backgroundShare = new byte[256 * Channels];

    public ArgbCompositor(byte red, byte green, byte blue)
    {
        Red = red;
        Green = green;
        Blue = blue;
        for (var alpha = 0; alpha < 256; alpha++)
        {
            _backgroundShare[alpha * Channels] = Share(red, alpha);
            _backgroundShare[(alpha * Channels) + 1] = Share(green, alpha);
            _backgroundShare[(alpha * Channels) + 2] = Share(blue, alpha);
        }
    }

    public byte Red { get; }

    public byte Green { get; }

    public byte Blue { get; }

    /// <summary>
    /// The compositor for OpenSlide's <c>openslide.background-color</c> property (hex <c>RRGGBB</c>); white when the
    /// property is absent, as it is for most formats, or is not a colour.
    /// </summary>
    public static ArgbCompositor ForBackgroundProperty(string? value)
    {
        if (value is { Length: 6 } && uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return new ArgbCompositor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        }

        return new ArgbCompositor(255, 255, 255);
    }

    /// <summary>Writes <c>3 * source.Length</c> bytes of RGB to the start of <paramref name="destination"/>.</summary>
    public void Composite(ReadOnlySpan<uint> source, Span<byte> destination)
    {
        if (destination.Length < (long)source.Length * Channels)
        {
            throw new ArgumentException($"{source.Length} pixels need {(long)source.Length * Channels} bytes, got {destination.Length}.", nameof(destination));
        }

        ref var pixels = ref MemoryMarshal.GetReference(source);
        ref var rgb = ref MemoryMarshal.GetReference(destination);
        ref var share = ref MemoryMarshal.GetArrayDataReference(_backgroundShare);
        var count = source.Length;
        var i = 0;

        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            // Four opaque pixels at a time: in memory each is B, G, R, A, so one byte shuffle gives R, G, B x 4.
            // The 16-byte store writes 4 bytes past the 12 that count, which the next store or the scalar tail
            // overwrites; it stops while 16 bytes of this run remain, since callers fill rows beside other rows.
            var alphaMask = Vector128.Create(0xFF000000u);
            var toRgb = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0xFF, 0xFF, 0xFF, 0xFF);
            var vectorEnd = count - 5;
            while (i < vectorEnd)
            {
                var quad = Vector128.LoadUnsafe(ref pixels, (nuint)i);
                if ((quad & alphaMask) != alphaMask)
                {
                    CompositeScalar(ref pixels, ref rgb, ref share, i, i + 4);
                }
                else
                {
                    Vector128.Shuffle(quad.AsByte(), toRgb).StoreUnsafe(ref rgb, (nuint)(i * Channels));
                }

                i += 4;
            }
        }

        CompositeScalar(ref pixels, ref rgb, ref share, i, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CompositeScalar(ref uint pixels, ref byte rgb, ref byte share, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var pixel = Unsafe.Add(ref pixels, i);
            ref var background = ref Unsafe.Add(ref share, (int)(pixel >> 24) * Channels);
            ref var target = ref Unsafe.Add(ref rgb, i * Channels);
            target = Saturate(((pixel >> 16) & 0xFF) + background);
            Unsafe.Add(ref target, 1) = Saturate(((pixel >> 8) & 0xFF) + Unsafe.Add(ref background, 1));
            Unsafe.Add(ref target, 2) = Saturate((pixel & 0xFF) + Unsafe.Add(ref background, 2));
        }
    }

    // Premultiplied colour never exceeds alpha, so the sum stays within a byte; the clamp only guards bad input.
    private static byte Saturate(uint value) => (byte)Math.Min(value, 255u);

    private static byte Share(byte background, int alpha) => (byte)(((background * (255 - alpha)) + 127) / 255);
}
