using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct fuse_conn_info of libfuse 3.14: what the kernel offers and what the filesystem wants.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseConnectionInfo
{
    public const uint CapabilityReadDirectoryPlus = 1u << 13;
    public const uint CapabilityReadDirectoryPlusAuto = 1u << 14;

    public uint ProtocolMajor;
    public uint ProtocolMinor;
    public uint MaxWrite;
    public uint MaxRead;
    public uint MaxReadAhead;
    public uint Capable;
    public uint Want;
    public uint MaxBackground;
    public uint CongestionThreshold;
    public uint TimeGranularity;
    private fixed uint _reserved[22];
}
