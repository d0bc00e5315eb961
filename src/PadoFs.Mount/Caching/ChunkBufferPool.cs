namespace PadoFs.Mount.Caching;

/// <summary>
/// Free exact-length arrays for decoded chunks, reused by length: chunks of a level all have one length, so a
/// few sizes cover a mount, and exact lengths keep the cache's charge equal to the memory it really holds.
/// The cache keeps free arrays charged to its budget and drops them first when it needs room.
/// Not thread-safe: the cache uses it under its queue lock.
/// </summary>
internal sealed class ChunkBufferPool(int maxFreePerLength)
{
    private readonly Dictionary<int, Stack<byte[]>> _free = [];

    public bool TryTake(int length, out byte[] array)
    {
        if (_free.TryGetValue(length, out var stack) && stack.TryPop(out array!))
        {
            return true;
        }

        array = [];
        return false;
    }

    /// <summary>Keeps the array for reuse; false when enough of its length are kept already.</summary>
    public bool TryKeep(byte[] array)
    {
        if (!_free.TryGetValue(array.Length, out var stack))
        {
            _free[array.Length] = stack = new Stack<byte[]>();
        }

        if (stack.Count >= maxFreePerLength)
        {
            return false;
        }

        stack.Push(array);
        return true;
    }

    /// <summary>Forgets one free array to make room; its length, or 0 when none is free.</summary>
    public int DropOne()
    {
        foreach (var stack in _free.Values)
        {
            if (stack.TryPop(out var array))
            {
                return array.Length;
            }
        }

        return 0;
    }
}
