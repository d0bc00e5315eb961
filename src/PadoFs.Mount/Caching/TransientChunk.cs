using PadoFs.Zarr.Caching;

namespace PadoFs.Mount.Caching;

/// <summary>A chunk decoded for one reader and not kept: its array lives only while that reader copies from it.</summary>
internal sealed class TransientChunk(int length) : IChunkBuffer
{
    private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(length);

    public Span<byte> Writable => _array;

    public ReadOnlySpan<byte> Span => _array;

    public void Release()
    {
    }
}
