using System.Runtime.InteropServices;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Tests.Support;

namespace PadoFs.Fuse.Tests;

/// <summary>Every struct, field and constant the binding declares, checked against the installed headers by gcc.</summary>
[Trait("Category", "Fast")]
public sealed class NativeLayoutTests
{
    private static readonly (string C, long Managed)[] Layout =
    [
        Size<Timespec>("struct timespec"),
        Offset<Timespec>("struct timespec", "tv_sec", nameof(Timespec.Seconds)),
        Offset<Timespec>("struct timespec", "tv_nsec", nameof(Timespec.Nanoseconds)),

        Size<NativeStat>("struct stat"),
        Offset<NativeStat>("struct stat", "st_dev", nameof(NativeStat.Device)),
        Offset<NativeStat>("struct stat", "st_ino", nameof(NativeStat.Inode)),
        Offset<NativeStat>("struct stat", "st_nlink", nameof(NativeStat.LinkCount)),
        Offset<NativeStat>("struct stat", "st_mode", nameof(NativeStat.Mode)),
        Offset<NativeStat>("struct stat", "st_uid", nameof(NativeStat.UserId)),
        Offset<NativeStat>("struct stat", "st_gid", nameof(NativeStat.GroupId)),
        Offset<NativeStat>("struct stat", "st_rdev", nameof(NativeStat.SpecialDevice)),
        Offset<NativeStat>("struct stat", "st_size", nameof(NativeStat.Size)),
        Offset<NativeStat>("struct stat", "st_blksize", nameof(NativeStat.BlockSize)),
        Offset<NativeStat>("struct stat", "st_blocks", nameof(NativeStat.Blocks)),
        Offset<NativeStat>("struct stat", "st_atim", nameof(NativeStat.AccessTime)),
        Offset<NativeStat>("struct stat", "st_mtim", nameof(NativeStat.ModificationTime)),
        Offset<NativeStat>("struct stat", "st_ctim", nameof(NativeStat.ChangeTime)),

        Size<NativeStatVfs>("struct statvfs"),
        Offset<NativeStatVfs>("struct statvfs", "f_bsize", nameof(NativeStatVfs.BlockSize)),
        Offset<NativeStatVfs>("struct statvfs", "f_frsize", nameof(NativeStatVfs.FragmentSize)),
        Offset<NativeStatVfs>("struct statvfs", "f_blocks", nameof(NativeStatVfs.Blocks)),
        Offset<NativeStatVfs>("struct statvfs", "f_bfree", nameof(NativeStatVfs.FreeBlocks)),
        Offset<NativeStatVfs>("struct statvfs", "f_bavail", nameof(NativeStatVfs.AvailableBlocks)),
        Offset<NativeStatVfs>("struct statvfs", "f_files", nameof(NativeStatVfs.Files)),
        Offset<NativeStatVfs>("struct statvfs", "f_ffree", nameof(NativeStatVfs.FreeFiles)),
        Offset<NativeStatVfs>("struct statvfs", "f_favail", nameof(NativeStatVfs.AvailableFiles)),
        Offset<NativeStatVfs>("struct statvfs", "f_fsid", nameof(NativeStatVfs.FileSystemId)),
        Offset<NativeStatVfs>("struct statvfs", "f_flag", nameof(NativeStatVfs.Flags)),
        Offset<NativeStatVfs>("struct statvfs", "f_namemax", nameof(NativeStatVfs.MaximumNameLength)),

        Size<FuseFileInfo>("struct fuse_file_info"),
        Offset<FuseFileInfo>("struct fuse_file_info", "flags", nameof(FuseFileInfo.Flags)),
        Offset<FuseFileInfo>("struct fuse_file_info", "fh", nameof(FuseFileInfo.FileHandle)),
        Offset<FuseFileInfo>("struct fuse_file_info", "lock_owner", nameof(FuseFileInfo.LockOwner)),
        Offset<FuseFileInfo>("struct fuse_file_info", "poll_events", nameof(FuseFileInfo.PollEvents)),

        Size<FuseConfig>("struct fuse_config"),
        Offset<FuseConfig>("struct fuse_config", "set_gid", nameof(FuseConfig.SetGid)),
        Offset<FuseConfig>("struct fuse_config", "gid", nameof(FuseConfig.Gid)),
        Offset<FuseConfig>("struct fuse_config", "set_uid", nameof(FuseConfig.SetUid)),
        Offset<FuseConfig>("struct fuse_config", "uid", nameof(FuseConfig.Uid)),
        Offset<FuseConfig>("struct fuse_config", "set_mode", nameof(FuseConfig.SetMode)),
        Offset<FuseConfig>("struct fuse_config", "umask", nameof(FuseConfig.Umask)),
        Offset<FuseConfig>("struct fuse_config", "entry_timeout", nameof(FuseConfig.EntryTimeout)),
        Offset<FuseConfig>("struct fuse_config", "negative_timeout", nameof(FuseConfig.NegativeTimeout)),
        Offset<FuseConfig>("struct fuse_config", "attr_timeout", nameof(FuseConfig.AttributeTimeout)),
        Offset<FuseConfig>("struct fuse_config", "intr", nameof(FuseConfig.Interrupt)),
        Offset<FuseConfig>("struct fuse_config", "intr_signal", nameof(FuseConfig.InterruptSignal)),
        Offset<FuseConfig>("struct fuse_config", "remember", nameof(FuseConfig.Remember)),
        Offset<FuseConfig>("struct fuse_config", "hard_remove", nameof(FuseConfig.HardRemove)),
        Offset<FuseConfig>("struct fuse_config", "use_ino", nameof(FuseConfig.UseInode)),
        Offset<FuseConfig>("struct fuse_config", "readdir_ino", nameof(FuseConfig.ReadDirectoryInode)),
        Offset<FuseConfig>("struct fuse_config", "direct_io", nameof(FuseConfig.DirectIo)),
        Offset<FuseConfig>("struct fuse_config", "kernel_cache", nameof(FuseConfig.KernelCache)),
        Offset<FuseConfig>("struct fuse_config", "auto_cache", nameof(FuseConfig.AutoCache)),
        Offset<FuseConfig>("struct fuse_config", "no_rofd_flush", nameof(FuseConfig.NoReadOnlyFlush)),
        Offset<FuseConfig>("struct fuse_config", "ac_attr_timeout_set", nameof(FuseConfig.AutoCacheAttributeTimeoutSet)),
        Offset<FuseConfig>("struct fuse_config", "ac_attr_timeout", nameof(FuseConfig.AutoCacheAttributeTimeout)),
        Offset<FuseConfig>("struct fuse_config", "nullpath_ok", nameof(FuseConfig.NullPathOk)),
        Offset<FuseConfig>("struct fuse_config", "show_help", nameof(FuseConfig.ShowHelp)),
        Offset<FuseConfig>("struct fuse_config", "modules", nameof(FuseConfig.Modules)),
        Offset<FuseConfig>("struct fuse_config", "debug", nameof(FuseConfig.Debug)),

        Size<FuseConnectionInfo>("struct fuse_conn_info"),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "proto_major", nameof(FuseConnectionInfo.ProtocolMajor)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "proto_minor", nameof(FuseConnectionInfo.ProtocolMinor)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "max_write", nameof(FuseConnectionInfo.MaxWrite)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "max_read", nameof(FuseConnectionInfo.MaxRead)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "max_readahead", nameof(FuseConnectionInfo.MaxReadAhead)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "capable", nameof(FuseConnectionInfo.Capable)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "want", nameof(FuseConnectionInfo.Want)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "max_background", nameof(FuseConnectionInfo.MaxBackground)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "congestion_threshold", nameof(FuseConnectionInfo.CongestionThreshold)),
        Offset<FuseConnectionInfo>("struct fuse_conn_info", "time_gran", nameof(FuseConnectionInfo.TimeGranularity)),

        Size<FuseContext>("struct fuse_context"),
        Offset<FuseContext>("struct fuse_context", "fuse", nameof(FuseContext.Fuse)),
        Offset<FuseContext>("struct fuse_context", "uid", nameof(FuseContext.UserId)),
        Offset<FuseContext>("struct fuse_context", "gid", nameof(FuseContext.GroupId)),
        Offset<FuseContext>("struct fuse_context", "pid", nameof(FuseContext.ProcessId)),
        Offset<FuseContext>("struct fuse_context", "private_data", nameof(FuseContext.PrivateData)),
        Offset<FuseContext>("struct fuse_context", "umask", nameof(FuseContext.Umask)),

        Size<FuseArgs>("struct fuse_args"),
        Offset<FuseArgs>("struct fuse_args", "argc", nameof(FuseArgs.Count)),
        Offset<FuseArgs>("struct fuse_args", "argv", nameof(FuseArgs.Values)),
        Offset<FuseArgs>("struct fuse_args", "allocated", nameof(FuseArgs.Allocated)),

        Size<FuseOperations>("struct fuse_operations"),
        Offset<FuseOperations>("struct fuse_operations", "getattr", nameof(FuseOperations.GetAttributes)),
        Offset<FuseOperations>("struct fuse_operations", "readlink", nameof(FuseOperations.ReadLink)),
        Offset<FuseOperations>("struct fuse_operations", "mknod", nameof(FuseOperations.MakeNode)),
        Offset<FuseOperations>("struct fuse_operations", "mkdir", nameof(FuseOperations.MakeDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "unlink", nameof(FuseOperations.Unlink)),
        Offset<FuseOperations>("struct fuse_operations", "rmdir", nameof(FuseOperations.RemoveDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "symlink", nameof(FuseOperations.SymbolicLink)),
        Offset<FuseOperations>("struct fuse_operations", "rename", nameof(FuseOperations.Rename)),
        Offset<FuseOperations>("struct fuse_operations", "link", nameof(FuseOperations.Link)),
        Offset<FuseOperations>("struct fuse_operations", "chmod", nameof(FuseOperations.ChangeMode)),
        Offset<FuseOperations>("struct fuse_operations", "chown", nameof(FuseOperations.ChangeOwner)),
        Offset<FuseOperations>("struct fuse_operations", "truncate", nameof(FuseOperations.Truncate)),
        Offset<FuseOperations>("struct fuse_operations", "open", nameof(FuseOperations.Open)),
        Offset<FuseOperations>("struct fuse_operations", "read", nameof(FuseOperations.Read)),
        Offset<FuseOperations>("struct fuse_operations", "write", nameof(FuseOperations.Write)),
        Offset<FuseOperations>("struct fuse_operations", "statfs", nameof(FuseOperations.StatFileSystem)),
        Offset<FuseOperations>("struct fuse_operations", "flush", nameof(FuseOperations.Flush)),
        Offset<FuseOperations>("struct fuse_operations", "release", nameof(FuseOperations.Release)),
        Offset<FuseOperations>("struct fuse_operations", "fsync", nameof(FuseOperations.Synchronize)),
        Offset<FuseOperations>("struct fuse_operations", "setxattr", nameof(FuseOperations.SetExtendedAttribute)),
        Offset<FuseOperations>("struct fuse_operations", "getxattr", nameof(FuseOperations.GetExtendedAttribute)),
        Offset<FuseOperations>("struct fuse_operations", "listxattr", nameof(FuseOperations.ListExtendedAttributes)),
        Offset<FuseOperations>("struct fuse_operations", "removexattr", nameof(FuseOperations.RemoveExtendedAttribute)),
        Offset<FuseOperations>("struct fuse_operations", "opendir", nameof(FuseOperations.OpenDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "readdir", nameof(FuseOperations.ReadDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "releasedir", nameof(FuseOperations.ReleaseDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "fsyncdir", nameof(FuseOperations.SynchronizeDirectory)),
        Offset<FuseOperations>("struct fuse_operations", "init", nameof(FuseOperations.Init)),
        Offset<FuseOperations>("struct fuse_operations", "destroy", nameof(FuseOperations.Destroy)),
        Offset<FuseOperations>("struct fuse_operations", "access", nameof(FuseOperations.Access)),
        Offset<FuseOperations>("struct fuse_operations", "create", nameof(FuseOperations.Create)),
        Offset<FuseOperations>("struct fuse_operations", "lock", nameof(FuseOperations.Lock)),
        Offset<FuseOperations>("struct fuse_operations", "utimens", nameof(FuseOperations.SetTimes)),
        Offset<FuseOperations>("struct fuse_operations", "bmap", nameof(FuseOperations.MapBlock)),
        Offset<FuseOperations>("struct fuse_operations", "ioctl", nameof(FuseOperations.IoControl)),
        Offset<FuseOperations>("struct fuse_operations", "poll", nameof(FuseOperations.Poll)),
        Offset<FuseOperations>("struct fuse_operations", "write_buf", nameof(FuseOperations.WriteBuffer)),
        Offset<FuseOperations>("struct fuse_operations", "read_buf", nameof(FuseOperations.ReadBuffer)),
        Offset<FuseOperations>("struct fuse_operations", "flock", nameof(FuseOperations.FileLock)),
        Offset<FuseOperations>("struct fuse_operations", "fallocate", nameof(FuseOperations.Allocate)),
        Offset<FuseOperations>("struct fuse_operations", "copy_file_range", nameof(FuseOperations.CopyFileRange)),
        Offset<FuseOperations>("struct fuse_operations", "lseek", nameof(FuseOperations.Seek)),
    ];

    private static readonly (string C, long Managed)[] Constants =
    [
        ("EPERM", Errno.EPERM),
        ("ENOENT", Errno.ENOENT),
        ("EIO", Errno.EIO),
        ("EACCES", Errno.EACCES),
        ("EBUSY", Errno.EBUSY),
        ("ENOTDIR", Errno.ENOTDIR),
        ("EISDIR", Errno.EISDIR),
        ("EROFS", Errno.EROFS),
        ("ENOTCONN", Errno.ENOTCONN),
        ("S_IFDIR", FileModes.S_IFDIR),
        ("S_IFREG", FileModes.S_IFREG),
        ("O_ACCMODE", FileModes.O_ACCMODE),
        ("O_RDONLY", FileModes.O_RDONLY),
        ("O_TRUNC", FileModes.O_TRUNC),
        ("X_OK", FileModes.X_OK),
        ("W_OK", FileModes.W_OK),
        ("MNT_DETACH", FileModes.MNT_DETACH),
        ("FUSE_CAP_READDIRPLUS", FuseConnectionInfo.CapabilityReadDirectoryPlus),
        ("FUSE_CAP_READDIRPLUS_AUTO", FuseConnectionInfo.CapabilityReadDirectoryPlusAuto),
    ];

    private static readonly (string C, FuseFileInfo Managed)[] Bitfields =
    [
        ("direct_io", new FuseFileInfo { DirectIo = true }),
        ("keep_cache", new FuseFileInfo { KeepCache = true }),
        ("cache_readdir", new FuseFileInfo { CacheReadDirectory = true }),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_probe = new(() =>
        NativeProbe.Run(Layout.Concat(Constants).Select(entry => entry.C), Bitfields.Select(entry => entry.C)));

    [Fact]
    public void Struct_sizes_and_field_offsets_match_the_headers() => AssertMatches(Layout);

    [Fact]
    public void Constants_match_the_headers() => AssertMatches(Constants);

    [Fact]
    public void File_info_bitfields_sit_where_gcc_puts_them()
    {
        var mismatches = Bitfields
            .Select(entry => (entry.C, Native: s_probe.Value[entry.C], Managed: Hex(entry.Managed)))
            .Where(entry => entry.Native != entry.Managed)
            .Select(entry => $"{entry.C}: gcc {entry.Native}, binding {entry.Managed}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void File_info_bitfields_clear_without_touching_their_neighbours()
    {
        var info = new FuseFileInfo { Flags = -1, DirectIo = true, KeepCache = true, FileHandle = ulong.MaxValue };
        info.DirectIo = false;

        Assert.False(info.DirectIo);
        Assert.True(info.KeepCache);
        Assert.Equal(-1, info.Flags);
        Assert.Equal(ulong.MaxValue, info.FileHandle);
    }

    private static void AssertMatches((string C, long Managed)[] entries)
    {
        var mismatches = entries
            .Select(entry => (entry.C, Native: long.Parse(s_probe.Value[entry.C], System.Globalization.CultureInfo.InvariantCulture), entry.Managed))
            .Where(entry => entry.Native != entry.Managed)
            .Select(entry => $"{entry.C}: gcc {entry.Native}, binding {entry.Managed}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static (string, long) Size<T>(string cType)
        where T : unmanaged => ($"sizeof({cType})", System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    private static (string, long) Offset<T>(string cType, string cField, string managedField)
        where T : unmanaged => ($"offsetof({cType}, {cField})", Marshal.OffsetOf<T>(managedField));

    private static string Hex(FuseFileInfo info) =>
        Convert.ToHexStringLower(MemoryMarshal.AsBytes(new ReadOnlySpan<FuseFileInfo>(in info)));
}
