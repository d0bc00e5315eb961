using PadoFs.Fuse.Native;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>
/// The fields the binding declares in the structs Linux's libfuse 3.14 and macFUSE's libfuse3 share, as (C name,
/// C# name): one list for the layout tests of both platforms.
/// </summary>
internal static class FuseFieldNames
{
    public static readonly (string C, string Managed)[] Timespec =
    [
        ("tv_sec", nameof(Native.Timespec.Seconds)),
        ("tv_nsec", nameof(Native.Timespec.Nanoseconds)),
    ];

    /// <summary>The fields of struct statvfs, named alike in glibc and in macOS (where the counts are 32-bit).</summary>
    public static readonly (string C, string Managed)[] StatVfs =
    [
        ("f_bsize", nameof(NativeStatVfs.BlockSize)),
        ("f_frsize", nameof(NativeStatVfs.FragmentSize)),
        ("f_blocks", nameof(NativeStatVfs.Blocks)),
        ("f_bfree", nameof(NativeStatVfs.FreeBlocks)),
        ("f_bavail", nameof(NativeStatVfs.AvailableBlocks)),
        ("f_files", nameof(NativeStatVfs.Files)),
        ("f_ffree", nameof(NativeStatVfs.FreeFiles)),
        ("f_favail", nameof(NativeStatVfs.AvailableFiles)),
        ("f_fsid", nameof(NativeStatVfs.FileSystemId)),
        ("f_flag", nameof(NativeStatVfs.Flags)),
        ("f_namemax", nameof(NativeStatVfs.MaximumNameLength)),
    ];

    /// <summary>The fields the adapter reads or writes; the flag bits are checked by their bytes.</summary>
    public static readonly (string C, string Managed)[] FileInfo =
    [
        ("flags", nameof(FuseFileInfo.Flags)),
        ("fh", nameof(FuseFileInfo.FileHandle)),
        ("lock_owner", nameof(FuseFileInfo.LockOwner)),
        ("poll_events", nameof(FuseFileInfo.PollEvents)),
    ];

    /// <summary>fuse_config up to debug, and no_rofd_flush, which 3.14 keeps after auto_cache and macFUSE after debug.</summary>
    public static readonly (string C, string Managed)[] Config =
    [
        ("set_gid", nameof(FuseConfig.SetGid)),
        ("gid", nameof(FuseConfig.Gid)),
        ("set_uid", nameof(FuseConfig.SetUid)),
        ("uid", nameof(FuseConfig.Uid)),
        ("set_mode", nameof(FuseConfig.SetMode)),
        ("umask", nameof(FuseConfig.Umask)),
        ("entry_timeout", nameof(FuseConfig.EntryTimeout)),
        ("negative_timeout", nameof(FuseConfig.NegativeTimeout)),
        ("attr_timeout", nameof(FuseConfig.AttributeTimeout)),
        ("intr", nameof(FuseConfig.Interrupt)),
        ("intr_signal", nameof(FuseConfig.InterruptSignal)),
        ("remember", nameof(FuseConfig.Remember)),
        ("hard_remove", nameof(FuseConfig.HardRemove)),
        ("use_ino", nameof(FuseConfig.UseInode)),
        ("readdir_ino", nameof(FuseConfig.ReadDirectoryInode)),
        ("direct_io", nameof(FuseConfig.DirectIo)),
        ("kernel_cache", nameof(FuseConfig.KernelCache)),
        ("auto_cache", nameof(FuseConfig.AutoCache)),
        ("no_rofd_flush", nameof(FuseConfig.NoReadOnlyFlush)),
        ("ac_attr_timeout_set", nameof(FuseConfig.AutoCacheAttributeTimeoutSet)),
        ("ac_attr_timeout", nameof(FuseConfig.AutoCacheAttributeTimeout)),
        ("nullpath_ok", nameof(FuseConfig.NullPathOk)),
        ("show_help", nameof(FuseConfig.ShowHelp)),
        ("modules", nameof(FuseConfig.Modules)),
        ("debug", nameof(FuseConfig.Debug)),
    ];

    /// <summary>The ten fields before 3.14's reserved words; macFUSE adds its own after them.</summary>
    public static readonly (string C, string Managed)[] ConnectionInfo =
    [
        ("proto_major", nameof(FuseConnectionInfo.ProtocolMajor)),
        ("proto_minor", nameof(FuseConnectionInfo.ProtocolMinor)),
        ("max_write", nameof(FuseConnectionInfo.MaxWrite)),
        ("max_read", nameof(FuseConnectionInfo.MaxRead)),
        ("max_readahead", nameof(FuseConnectionInfo.MaxReadAhead)),
        ("capable", nameof(FuseConnectionInfo.Capable)),
        ("want", nameof(FuseConnectionInfo.Want)),
        ("max_background", nameof(FuseConnectionInfo.MaxBackground)),
        ("congestion_threshold", nameof(FuseConnectionInfo.CongestionThreshold)),
        ("time_gran", nameof(FuseConnectionInfo.TimeGranularity)),
    ];

    public static readonly (string C, string Managed)[] Context =
    [
        ("fuse", nameof(FuseContext.Fuse)),
        ("uid", nameof(FuseContext.UserId)),
        ("gid", nameof(FuseContext.GroupId)),
        ("pid", nameof(FuseContext.ProcessId)),
        ("private_data", nameof(FuseContext.PrivateData)),
        ("umask", nameof(FuseContext.Umask)),
    ];

    public static readonly (string C, string Managed)[] Args =
    [
        ("argc", nameof(FuseArgs.Count)),
        ("argv", nameof(FuseArgs.Values)),
        ("allocated", nameof(FuseArgs.Allocated)),
    ];

    /// <summary>Every slot of libfuse 3.14's fuse_operations, in header order; macFUSE has them all, one slot later.</summary>
    public static readonly (string C, string Managed)[] Operations =
    [
        ("getattr", nameof(FuseOperations.GetAttributes)),
        ("readlink", nameof(FuseOperations.ReadLink)),
        ("mknod", nameof(FuseOperations.MakeNode)),
        ("mkdir", nameof(FuseOperations.MakeDirectory)),
        ("unlink", nameof(FuseOperations.Unlink)),
        ("rmdir", nameof(FuseOperations.RemoveDirectory)),
        ("symlink", nameof(FuseOperations.SymbolicLink)),
        ("rename", nameof(FuseOperations.Rename)),
        ("link", nameof(FuseOperations.Link)),
        ("chmod", nameof(FuseOperations.ChangeMode)),
        ("chown", nameof(FuseOperations.ChangeOwner)),
        ("truncate", nameof(FuseOperations.Truncate)),
        ("open", nameof(FuseOperations.Open)),
        ("read", nameof(FuseOperations.Read)),
        ("write", nameof(FuseOperations.Write)),
        ("statfs", nameof(FuseOperations.StatFileSystem)),
        ("flush", nameof(FuseOperations.Flush)),
        ("release", nameof(FuseOperations.Release)),
        ("fsync", nameof(FuseOperations.Synchronize)),
        ("setxattr", nameof(FuseOperations.SetExtendedAttribute)),
        ("getxattr", nameof(FuseOperations.GetExtendedAttribute)),
        ("listxattr", nameof(FuseOperations.ListExtendedAttributes)),
        ("removexattr", nameof(FuseOperations.RemoveExtendedAttribute)),
        ("opendir", nameof(FuseOperations.OpenDirectory)),
        ("readdir", nameof(FuseOperations.ReadDirectory)),
        ("releasedir", nameof(FuseOperations.ReleaseDirectory)),
        ("fsyncdir", nameof(FuseOperations.SynchronizeDirectory)),
        ("init", nameof(FuseOperations.Init)),
        ("destroy", nameof(FuseOperations.Destroy)),
        ("access", nameof(FuseOperations.Access)),
        ("create", nameof(FuseOperations.Create)),
        ("lock", nameof(FuseOperations.Lock)),
        ("utimens", nameof(FuseOperations.SetTimes)),
        ("bmap", nameof(FuseOperations.MapBlock)),
        ("ioctl", nameof(FuseOperations.IoControl)),
        ("poll", nameof(FuseOperations.Poll)),
        ("write_buf", nameof(FuseOperations.WriteBuffer)),
        ("read_buf", nameof(FuseOperations.ReadBuffer)),
        ("flock", nameof(FuseOperations.FileLock)),
        ("fallocate", nameof(FuseOperations.Allocate)),
        ("copy_file_range", nameof(FuseOperations.CopyFileRange)),
        ("lseek", nameof(FuseOperations.Seek)),
    ];
}
