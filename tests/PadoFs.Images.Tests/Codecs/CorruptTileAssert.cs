namespace PadoFs.Images.Tests.Codecs;

/// <summary>Decoding a corrupt tile ends, soon, in a <see cref="PadoFs.Images.Codecs.TileDecodeException"/>.</summary>
internal static class CorruptTileAssert
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    /// <summary>Returns the exception's reason, for assertions on what it says.</summary>
    public static string Fails(Action decode, string what)
    {
        var attempt = Task.Run(decode);
        Assert.True(((IAsyncResult)attempt).AsyncWaitHandle.WaitOne(s_patience), $"decoding {what} did not end within {s_patience}");
        var error = Assert.IsType<PadoFs.Images.Codecs.TileDecodeException>(attempt.Exception?.InnerException, exactMatch: true);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason), $"decoding {what} failed without a reason");
        return error.Reason;
    }

    /// <summary>The lengths to cut a tile of <paramref name="length"/> bytes to: inside the headers, the data, and the end marker.</summary>
    public static IEnumerable<int> TruncatedLengths(int length) =>
        new[] { 1, 2, 3, 4, 20, 100, 300, length / 2, length - 2, length - 1 }.Where(cut => cut > 0 && cut < length).Distinct();

    /// <summary>Reproducible noise.</summary>
    public static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
