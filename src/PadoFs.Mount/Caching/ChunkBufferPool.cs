using System.Collections.Concurrent;

namespace PadoFs.Mount.Caching;

/// <summary>
/// Exact-length byte arrays for decoded chunks, reused by length. Chunks of a level all have one length, so a
/// few sizes cover a mount; exact lengths keep the cache's charge equal to the memory it really holds.
/// </summary>
internal sealed class ChunkBufferPool(int maxFreePerLength)
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> _free = new();

    public byte[] Rent(int length) =>
        _free.TryGetValue(length, out var bag) && bag.TryTake(out var array)
            ? array
            : GC.AllocateUninitializedArray<byte>(length);

    public void Return(byte[] array)
    {
        var bag = _free.GetOrAdd(array.Length, static _ => []);
        if (bag.Count < maxFreePerLength)
        {
            bag.Add(array);
        }
    }
}
