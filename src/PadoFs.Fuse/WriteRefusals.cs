using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>
/// The writing operations of FUSE, each refused with EROFS: the tree is read-only even when the mount is not
/// flagged so, and a refusal here is clearer than libfuse's ENOSYS for a missing operation.
/// </summary>
internal static unsafe class WriteRefusals
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int MakeNode(byte* path, uint mode, ulong device) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int MakeDirectory(byte* path, uint mode) => -Errno.EROFS;

    /// <summary>unlink and rmdir.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Remove(byte* path) => -Errno.EROFS;

    /// <summary>link and symlink.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Link(byte* from, byte* to) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Rename(byte* from, byte* to, uint flags) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ChangeMode(byte* path, uint mode, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ChangeOwner(byte* path, uint user, uint group, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Truncate(byte* path, long size, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Write(byte* path, byte* buffer, nuint size, long offset, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SetExtendedAttribute(byte* path, byte* name, byte* value, nuint size, int flags) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int RemoveExtendedAttribute(byte* path, byte* name) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Create(byte* path, uint mode, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SetTimes(byte* path, Timespec* times, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int WriteBuffer(byte* path, void* buffers, long offset, FuseFileInfo* info) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Allocate(byte* path, int mode, long offset, long length, FuseFileInfo* info) => -Errno.EROFS;

    /// <summary>macFUSE's setattr, which takes a struct fuse_darwin_attr even with the Darwin extensions off.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SetAttributes(byte* path, void* attributes, int toSet, FuseFileInfo* info) => -Errno.EROFS;

    /// <summary>macFUSE's chflags.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ChangeFlags(byte* path, FuseFileInfo* info, uint flags) => -Errno.EROFS;

    /// <summary>macFUSE's setvolname: renaming the volume in Finder.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int SetVolumeName(byte* name) => -Errno.EROFS;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static nint CopyFileRange(
        byte* pathIn, FuseFileInfo* infoIn, long offsetIn, byte* pathOut, FuseFileInfo* infoOut, long offsetOut, nuint size, int flags) =>
        -Errno.EROFS;
}
