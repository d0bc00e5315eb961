using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct fuse_config of macFUSE's libfuse3 (the libfuse 3.17 layout): no_rofd_flush moved behind debug, fmask and
/// dmask, and 48 reserved words at the end, so nullpath_ok and everything after it sit elsewhere than in 3.14.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DarwinFuseConfig
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
    public int AutoCacheAttributeTimeoutSet;
    public double AutoCacheAttributeTimeout;
    public int NullPathOk;
    public int ShowHelp;
    public byte* Modules;
    public int Debug;
    public uint FileMask;
    public uint DirectoryMask;
    public int NoReadOnlyFlush;
    public int ParallelDirectWrites;
    public uint Flags;
    private fixed ulong _reserved[48];

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
