using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct fuse_args of libfuse 3.14: an argv that libfuse's option parser may replace with its own copy.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseArgs
{
    public int Count;
    public byte** Values;
    public int Allocated;
}
