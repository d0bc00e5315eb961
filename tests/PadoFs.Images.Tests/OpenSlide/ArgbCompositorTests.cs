using PadoFs.Images.Backends.OpenSlide;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>The premultiplied-ARGB-to-RGB conversion follows its definition for every alpha, on every code path.</summary>
[Trait("Category", "Fast")]
public sealed class ArgbCompositorTests
{
    [Fact]
    public void Every_alpha_and_premultiplied_value_composites_by_the_definition()
    {
        var compositor = new ArgbCompositor(200, 17, 96);
        var pixels = new List<uint>();
        for (var alpha = 0u; alpha < 256; alpha++)
        {
            for (var colour = 0u; colour <= alpha; colour++)
            {
                pixels.Add((alpha << 24) | (colour << 16) | ((alpha - colour) << 8) | (colour / 2));
            }
        }

        var source = pixels.ToArray();
        var actual = new byte[source.Length * 3];
        compositor.Composite(source, actual);

        RgbAssert.Equal(Expected(source, 200, 17, 96), actual, source.Length, "all alpha values");
    }

    [Fact]
    public void Runs_of_any_length_and_mix_of_opaque_and_transparent_pixels_agree_with_the_definition()
    {
        var compositor = new ArgbCompositor(10, 250, 128);
        var random = new Random(1234);
        for (var length = 0; length < 40; length++)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var source = new uint[length];
                for (var i = 0; i < length; i++)
                {
                    var alpha = (uint)(random.Next(4) == 0 ? random.Next(256) : 255);
                    var colour = (uint)random.Next((int)alpha + 1);
                    source[i] = (alpha << 24) | (colour << 16) | ((uint)random.Next((int)alpha + 1) << 8) | (alpha - colour);
                }

                // Exactly sized, so a vector store past the last pixel would throw or corrupt.
                var actual = new byte[length * 3];
                compositor.Composite(source, actual);

                RgbAssert.Equal(Expected(source, 10, 250, 128), actual, Math.Max(length, 1), $"length {length}");
            }
        }
    }

    [Fact]
    public void Bytes_after_the_converted_pixels_are_left_alone()
    {
        var compositor = new ArgbCompositor(255, 255, 255);
        var source = Enumerable.Repeat(0xFF102030u, 9).ToArray();
        var destination = Enumerable.Repeat((byte)0xAB, 40).ToArray();

        compositor.Composite(source, destination);

        Assert.All(destination[27..], value => Assert.Equal(0xAB, value));
        Assert.Equal([0x10, 0x20, 0x30], destination[24..27]);
    }

    [Fact]
    public void Too_small_destination_is_rejected()
    {
        var compositor = new ArgbCompositor(255, 255, 255);

        Assert.Throws<ArgumentException>(() => compositor.Composite(new uint[4], new byte[11]));
    }

    [Theory]
    [InlineData("FF8000", 255, 128, 0)]
    [InlineData("0a0B0c", 10, 11, 12)]
    [InlineData(null, 255, 255, 255)]
    [InlineData("", 255, 255, 255)]
    [InlineData("red", 255, 255, 255)]
    [InlineData("12345G", 255, 255, 255)]
    public void Background_comes_from_the_hex_property_and_is_white_without_one(string? property, int red, int green, int blue)
    {
        var compositor = ArgbCompositor.ForBackgroundProperty(property);

        Assert.Equal((red, green, blue), (compositor.Red, compositor.Green, compositor.Blue));
    }

    // c + round(bg * (255 - a) / 255), in floating point as the definition reads.
    private static byte[] Expected(uint[] source, int red, int green, int blue)
    {
        var expected = new byte[source.Length * 3];
        for (var i = 0; i < source.Length; i++)
        {
            var alpha = (int)(source[i] >> 24);
            expected[i * 3] = Over((int)(source[i] >> 16) & 0xFF, red, alpha);
            expected[(i * 3) + 1] = Over((int)(source[i] >> 8) & 0xFF, green, alpha);
            expected[(i * 3) + 2] = Over((int)source[i] & 0xFF, blue, alpha);
        }

        return expected;
    }

    private static byte Over(int premultiplied, int background, int alpha) =>
        (byte)(premultiplied + (int)Math.Round(background * (255 - alpha) / 255.0, MidpointRounding.AwayFromZero));
}
