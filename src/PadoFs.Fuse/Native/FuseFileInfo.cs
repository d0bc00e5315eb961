using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct fuse_file_info of libfuse 3.14; the flag bits after <see cref="Flags"/> are C bitfields.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseFileInfo
{
    private const uint DirectIoBit = 1u << 1;
    private const uint KeepCacheBit = 1u << 2;
    private const uint CacheReadDirectoryBit = 1u << 6;

    /// <summary>The open(2) flags.</summary>
    public int Flags;

    // writepage:1 direct_io:1 keep_cache:1 flush:1 nonseekable:1 flock_release:1 cache_readdir:1 noflush:1 padding:24
    private uint _bits;
    private uint _padding2;

    /// <summary>The file handle the filesystem chose in open or opendir.</summary>
    public ulong FileHandle;
    public ulong LockOwner;
    public uint PollEvents;

    /// <summary>Bypass the page cache for this open file.</summary>
    public bool DirectIo
    {
        readonly get => (_bits & DirectIoBit) != 0;
        set => _bits = value ? _bits | DirectIoBit : _bits & ~DirectIoBit;
    }

    /// <summary>Keep the pages the kernel cached from earlier opens.</summary>
    public bool KeepCache
    {
        readonly get => (_bits & KeepCacheBit) != 0;
        set => _bits = value ? _bits | KeepCacheBit : _bits & ~KeepCacheBit;
    }

    /// <summary>Set in opendir: the kernel may keep the folder's listing and answer later reads of it itself.</summary>
    public bool CacheReadDirectory
    {
        readonly get => (_bits & CacheReadDirectoryBit) != 0;
        set => _bits = value ? _bits | CacheReadDirectoryBit : _bits & ~CacheReadDirectoryBit;
    }
}
