using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct fuse_operations of macFUSE's libfuse3 with its Darwin extensions off: the slots of libfuse 3.14 in the same
/// order, with setattr after getattr and chflags, setvolname and monitor at the end. With the extensions off the
/// getattr, statfs, readdir, utimens and xattr slots take the plain (vanilla) signatures.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DarwinFuseOperations
{
    public delegate* unmanaged[Cdecl]<byte*, void*, FuseFileInfo*, int> GetAttributes;
    public delegate* unmanaged[Cdecl]<byte*, void*, int, FuseFileInfo*, int> SetAttributes;
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
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, uint, int> ChangeFlags;
    public delegate* unmanaged[Cdecl]<byte*, int> SetVolumeName;
    public delegate* unmanaged[Cdecl]<byte*, uint, void> Monitor;

    /// <summary>
    /// The shared slots of <paramref name="shared"/> in this layout: everything after getattr is one block in both,
    /// moved by one slot (the layout tests check that every shared slot sits one pointer further on here).
    /// </summary>
    public static DarwinFuseOperations Extending(FuseOperations shared)
    {
        var darwin = new DarwinFuseOperations { GetAttributes = shared.GetAttributes };
        var block = sizeof(FuseOperations) - sizeof(nint);
        Buffer.MemoryCopy((byte*)&shared + sizeof(nint), &darwin.ReadLink, block, block);
        return darwin;
    }
}
