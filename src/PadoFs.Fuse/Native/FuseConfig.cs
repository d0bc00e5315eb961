using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct fuse_config of libfuse 3.14: the high-level library's settings, adjustable in init.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseConfig
{
    public int SetGid;
    public uint Gid;
    public int SetUid;
    public uint Uid;
    public int SetMode;
    public uint Umask;
    public double EntryTimeout;
    public double NegativeTimeout;
    public double AttributeTimeout;
    public int Interrupt;
    public int InterruptSignal;
    public int Remember;
    public int HardRemove;
    public int UseInode;
    public int ReadDirectoryInode;
    public int DirectIo;
    public int KernelCache;
    public int AutoCache;
    public int NoReadOnlyFlush;
    public int AutoCacheAttributeTimeoutSet;
    public double AutoCacheAttributeTimeout;
    public int NullPathOk;
    public int ShowHelp;
    public byte* Modules;
    public int Debug;

    public void Apply(in FuseSettings settings)
    {
        EntryTimeout = settings.CacheTimeout;
        AttributeTimeout = settings.CacheTimeout;
        NegativeTimeout = settings.CacheTimeout;
        KernelCache = settings.KernelCache ? 1 : 0;
        DirectIo = settings.DirectIo ? 1 : 0;
        AutoCache = settings.AutoCache ? 1 : 0;
        UseInode = settings.UseInode ? 1 : 0;
        NullPathOk = settings.NullPathOk ? 1 : 0;
        Interrupt = settings.Interrupt ? 1 : 0;
    }
}
