namespace PadoFs.Fuse.Native;

/// <summary>The fuse_config values the adapter sets in init, written into whichever layout the library uses.</summary>
internal readonly record struct FuseSettings(
    double CacheTimeout,
    bool KernelCache,
    bool DirectIo,
    bool AutoCache,
    bool UseInode,
    bool NullPathOk,
    bool Interrupt);
