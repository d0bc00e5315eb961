using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct fuse_context of libfuse 3.14: the request being served, per worker thread.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseContext
{
    public void* Fuse;
    public uint UserId;
    public uint GroupId;
    public int ProcessId;
    public void* PrivateData;
    public uint Umask;
}
