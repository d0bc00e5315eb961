namespace PadoFs.Images.Codecs;

/// <summary>
/// A stored tile could not be decoded: its bytes are corrupt or truncated, or they do not describe the tile the
/// file's tags promise. Backends catch it and report which slide, level and tile failed.
/// </summary>
public sealed class TileDecodeException(string codec, string reason)
    : Exception($"Cannot decode {codec} tile: {reason}")
{
    /// <summary>The codec that failed, as it is commonly named ("JPEG", "JPEG 2000").</summary>
    public string Codec { get; } = codec;

    /// <summary>Why it failed, without the codec's name.</summary>
    public string Reason { get; } = reason;
}
