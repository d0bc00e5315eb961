using Xunit.Sdk;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Bit-for-bit comparison of RGB images that says where they differ instead of dumping megabytes.</summary>
internal static class RgbAssert
{
    public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int width, string what)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what}: expected {expected.Length} bytes, got {actual.Length}.");
        }

        var first = expected.CommonPrefixLength(actual);
        if (first == expected.Length)
        {
            return;
        }

        var differing = 0;
        for (var i = first; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                differing++;
            }
        }

        var pixel = first / 3;
        throw new XunitException(
            $"{what}: {differing} of {expected.Length} bytes differ; first at pixel ({pixel % width}, {pixel / width}) " +
            $"channel {first % 3}: expected {expected[first]}, got {actual[first]}.");
    }
}
