namespace PadoFs.Images.Codecs.Jpeg;

/// <summary>The Y, Cb and Cr planes of one decoded stream; each chroma plane has rows of <see cref="ChromaWidth"/> samples.</summary>
internal readonly ref struct JpegPlanes(Span<byte> luma, Span<byte> blue, Span<byte> red, int chromaWidth)
{
    public Span<byte> Luma { get; } = luma;

    public Span<byte> Blue { get; } = blue;

    public Span<byte> Red { get; } = red;

    public int ChromaWidth { get; } = chromaWidth;
}
