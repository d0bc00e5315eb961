using PadoFs.Images.Pixels;

namespace PadoFs.Zarr.Metadata;

/// <summary>
/// One channel of an OME-XML image: its name and its display colour, packed as OME packs it (red, green, blue,
/// alpha from the high byte down, in a signed 32-bit int: -1 is opaque white).
/// </summary>
internal readonly record struct OmeChannel(string Name, int Color)
{
    private static readonly int s_white = Rgba(255, 255, 255);

    // QuPath opens a three-channel 8-bit image as RGB (brightfield, H&E) only when its channels are exactly these
    // names and opaque colours; any other name or colour makes it three fluorescence channels.
    private static readonly OmeChannel[] s_rgb = [new("Red", Rgba(255, 0, 0)), new("Green", Rgba(0, 255, 0)), new("Blue", Rgba(0, 0, 255))];

    private static readonly OmeChannel[] s_gray = [new("Gray", s_white)];

    /// <summary>
    /// The <paramref name="count"/> channels of an image in <paramref name="format"/>: as the file names and colours
    /// them where it does so for every channel, else red, green and blue for RGB samples, grey for one channel.
    /// </summary>
    public static IReadOnlyList<OmeChannel> Of(PixelFormat format, long count, IReadOnlyList<SlideChannel> named)
    {
        if (named.Count == count && count > 0)
        {
            var fromFile = new OmeChannel[count];
            for (var channel = 0; channel < fromFile.Length; channel++)
            {
                var name = named[channel].Name ?? $"Channel {channel + 1}";
                fromFile[channel] = new OmeChannel(name, named[channel].Rgba is { } rgba ? unchecked((int)rgba) : s_white);
            }

            return fromFile;
        }

        if (count == 3 && format.Samples == 3)
        {
            return s_rgb;
        }

        if (count == 1)
        {
            return s_gray;
        }

        var channels = new OmeChannel[count];
        for (var channel = 0; channel < channels.Length; channel++)
        {
            channels[channel] = new OmeChannel($"Channel {channel + 1}", s_white);
        }

        return channels;
    }

    public static int Rgba(byte red, byte green, byte blue, byte alpha = 255) =>
        unchecked((int)(((uint)red << 24) | ((uint)green << 16) | ((uint)blue << 8) | alpha));
}
