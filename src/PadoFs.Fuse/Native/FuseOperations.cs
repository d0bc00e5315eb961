using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>
/// struct fuse_operations of libfuse 3.14 (FUSE_USE_VERSION 312), every slot in header order. A null slot tells
/// libfuse the operation is not implemented. The struct stat, struct statvfs and struct fuse_config the slots pass
/// are untyped: their layout is the platform's (<see cref="FusePlatform"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseOperations
{
    public delegate* unmanaged[Cdecl]<byte*, void*, FuseFileInfo*, int> GetAttributes;
    public delegate* unmanaged[Cdecl]<byte*, byte*, nuint, int> ReadLink;
    public delegate* unmanaged[Cdecl]<byte*, uint, ulong, int> MakeNode;
    public delegate* unmanaged[Cdecl]<byte*, uint, int> MakeDirectory;
    public delegate* unmanaged[Cdecl]<byte*, int> Unlink;
    public delegate* unmanaged[Cdecl]<byte*, int> RemoveDirectory;
    public delegate* unmanaged[Cdecl]<byte*, byte*, int> SymbolicLink;
    public delegate* unmanaged[Cdecl]<byte*, byte*, uint, int> Rename;
    public delegate* unmanaged[Cdecl]<byte*, byte*, int> Link;
    public delegate* unmanaged[Cdecl]<byte*, uint, FuseFileInfo*, int> ChangeMode;
    public delegate* unmanaged[Cdecl]<byte*, uint, uint, FuseFileInfo*, int> ChangeOwner;
    public delegate* unmanaged[Cdecl]<byte*, long, FuseFileInfo*, int> Truncate;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int> Open;
    public delegate* unmanaged[Cdecl]<byte*, byte*, nuint, long, FuseFileInfo*, int> Read;
    public delegate* unmanaged[Cdecl]<byte*, byte*, nuint, long, FuseFileInfo*, int> Write;
    public delegate* unmanaged[Cdecl]<byte*, void*, int> StatFileSystem;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int> Flush;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int> Release;
    public delegate* unmanaged[Cdecl]<byte*, int, FuseFileInfo*, int> Synchronize;
    public delegate* unmanaged[Cdecl]<byte*, byte*, byte*, nuint, int, int> SetExtendedAttribute;
    public delegate* unmanaged[Cdecl]<byte*, byte*, byte*, nuint, int> GetExtendedAttribute;
    public delegate* unmanaged[Cdecl]<byte*, byte*, nuint, int> ListExtendedAttributes;
    public delegate* unmanaged[Cdecl]<byte*, byte*, int> RemoveExtendedAttribute;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int> OpenDirectory;
    public delegate* unmanaged[Cdecl]<byte*, void*, delegate* unmanaged[Cdecl]<void*, byte*, void*, long, int, int>, long, FuseFileInfo*, int, int> ReadDirectory;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int> ReleaseDirectory;
    public delegate* unmanaged[Cdecl]<byte*, int, FuseFileInfo*, int> SynchronizeDirectory;
    public delegate* unmanaged[Cdecl]<FuseConnectionInfo*, void*, void*> Init;
    public delegate* unmanaged[Cdecl]<void*, void> Destroy;
    public delegate* unmanaged[Cdecl]<byte*, int, int> Access;
    public delegate* unmanaged[Cdecl]<byte*, uint, FuseFileInfo*, int> Create;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int, void*, int> Lock;
    public delegate* unmanaged[Cdecl]<byte*, Timespec*, FuseFileInfo*, int> SetTimes;
    public delegate* unmanaged[Cdecl]<byte*, nuint, ulong*, int> MapBlock;
    public delegate* unmanaged[Cdecl]<byte*, uint, void*, FuseFileInfo*, uint, void*, int> IoControl;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, void*, uint*, int> Poll;
    public delegate* unmanaged[Cdecl]<byte*, void*, long, FuseFileInfo*, int> WriteBuffer;
    public delegate* unmanaged[Cdecl]<byte*, void**, nuint, long, FuseFileInfo*, int> ReadBuffer;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, int, int> FileLock;
    public delegate* unmanaged[Cdecl]<byte*, int, long, long, FuseFileInfo*, int> Allocate;
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, long, byte*, FuseFileInfo*, long, nuint, int, nint> CopyFileRange;
    public delegate* unmanaged[Cdecl]<byte*, long, int, FuseFileInfo*, long> Seek;
}
