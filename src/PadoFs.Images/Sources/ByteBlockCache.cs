namespace PadoFs.Images.Sources;

/// <summary>
/// Blocks of remote objects, shared by every remote source of the process and bounded in bytes, least recently used
/// first out. A block is keyed by its source's version fingerprint, so a replaced object never finds the old one's
/// blocks. Only the bookkeeping is locked; blocks are fetched outside it.
/// </summary>
public sealed class ByteBlockCache(long capacityBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BlockKey, LinkedListNode<(BlockKey Key, byte[] Block)>> _blocks = [];
    private readonly LinkedList<(BlockKey Key, byte[] Block)> _order = new();
    private long _bytes;

    /// <summary>The cache remote sources share unless given another: 64 MiB.</summary>
    public static ByteBlockCache Shared { get; } = new(64L * 1024 * 1024);

    public long CapacityBytes { get; } = capacityBytes;

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public bool TryGet(in BlockKey key, out byte[] block)
    {
        lock (_gate)
        {
            if (_blocks.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                block = node.Value.Block;
                return true;
            }
        }

        block = [];
        return false;
    }

    public void Add(in BlockKey key, byte[] block)
    {
        if (block.Length > CapacityBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_blocks.ContainsKey(key))
            {
                return;
            }

            _blocks[key] = _order.AddFirst((key, block));
            _bytes += block.Length;
            while (_bytes > CapacityBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _blocks.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Block.Length;
            }
        }
    }
}
