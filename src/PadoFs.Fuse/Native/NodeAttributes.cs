namespace PadoFs.Fuse.Native;

/// <summary>What getattr and readdir report of a node, before it is written into the platform's struct stat.</summary>
internal struct NodeAttributes
{
    public uint Mode;
    public uint UserId;
    public uint GroupId;
    public uint LinkCount;
    public long Size;
    public long Blocks;
    public int BlockSize;

    /// <summary>Access, modification and change time alike: nothing in the tree changes while mounted.</summary>
    public Timespec Time;
}
