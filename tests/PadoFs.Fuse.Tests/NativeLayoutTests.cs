using System.Runtime.InteropServices;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Tests.Support;
using static PadoFs.Fuse.Tests.Support.LayoutEntries;

namespace PadoFs.Fuse.Tests;

/// <summary>Every struct, field and constant the binding declares for Linux, checked against the installed headers by gcc.</summary>
[Trait("Category", "Fast")]
public sealed class NativeLayoutTests
{
    private static readonly (string C, long Managed)[] Layout =
    [
        Size<Timespec>("struct timespec"),
        .. Offsets<Timespec>("struct timespec", FuseFieldNames.Timespec),

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
        .. Offsets<NativeStatVfs>("struct statvfs", FuseFieldNames.StatVfs),

        Size<FuseFileInfo>("struct fuse_file_info"),
        .. Offsets<FuseFileInfo>("struct fuse_file_info", FuseFieldNames.FileInfo),

        Size<FuseConfig>("struct fuse_config"),
        .. Offsets<FuseConfig>("struct fuse_config", FuseFieldNames.Config),

        Size<FuseConnectionInfo>("struct fuse_conn_info"),
        .. Offsets<FuseConnectionInfo>("struct fuse_conn_info", FuseFieldNames.ConnectionInfo),

        Size<FuseContext>("struct fuse_context"),
        .. Offsets<FuseContext>("struct fuse_context", FuseFieldNames.Context),

        Size<FuseArgs>("struct fuse_args"),
        .. Offsets<FuseArgs>("struct fuse_args", FuseFieldNames.Args),

        Size<FuseOperations>("struct fuse_operations"),
        .. Offsets<FuseOperations>("struct fuse_operations", FuseFieldNames.Operations),
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

    private static string Hex(FuseFileInfo info) =>
        Convert.ToHexStringLower(MemoryMarshal.AsBytes(new ReadOnlySpan<FuseFileInfo>(in info)));
}
